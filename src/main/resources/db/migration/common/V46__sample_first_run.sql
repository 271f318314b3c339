-- Sample data (issue 17, item 5): the recompute that the load started is recorded by its id, and removal takes the
-- runs from that id on. It found them by start time before, and a recompute of the same second went with the sample
-- on MariaDB, where the start times had been stored in whole seconds. Null: no run was started for the sample.
alter table sample_data add column first_run_id bigint;

update sample_data set first_run_id = (select min(r.id) from segmentation_run r
                                        where r.tenant_id = sample_data.tenant_id and r.started_at >= sample_data.loaded_at);
