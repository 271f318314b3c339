-- How the customers' P(alive) moved at each prediction, in whole percents (the floor of P(alive) × 100): for each pair
-- (percent at the prediction before, percent now) the number of customers; from_pct -1 for a customer who had no
-- prediction before. The always-on preview counts from it how many customers fell under a P(alive) threshold in each
-- past nightly run, without keeping every customer's P(alive) per run. Rows of one as-of date are replaced when the
-- prediction is computed again that day.
create table palive_move (
    tenant_id  bigint   not null,
    as_of      date     not null,
    from_pct   smallint not null,
    to_pct     smallint not null,
    customers  int      not null,
    primary key (tenant_id, as_of, from_pct, to_pct),
    constraint fk_palive_move_tenant foreign key (tenant_id) references tenant (id)
);
