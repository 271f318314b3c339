-- The P(alive) moves of a prediction are tied to the recompute it followed (run_id; 0 for rows written before this
-- migration and for predictions of a company without a recompute), so that removing the sample data removes the
-- moves of the sample's recomputes by their ids (issue 17). A run's moves are kept beside an earlier run's of the same
-- as-of date; readers take the latest run of a date.
alter table palive_move add column run_id bigint not null default 0 after as_of;
alter table palive_move drop primary key;
alter table palive_move add primary key (tenant_id, as_of, run_id, from_pct, to_pct);
