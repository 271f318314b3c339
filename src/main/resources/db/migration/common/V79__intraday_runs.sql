-- Issue 21, fresh within a minute: a company may opt in to intraday runs. After an order batch of the REST API,
-- its customers are recorded in intraday_pending; an intraday run rescores just them with the cut points of the
-- last full run (kept on that run) and publishes a new run like any other.

-- The company's choice: off unless the owner or a marketer switches it on.
create table segmentation_intraday (
    tenant_id   bigint      not null primary key,
    enabled     boolean     not null default false,
    updated_at  datetime(6) not null,
    constraint fk_segmentation_intraday_tenant foreign key (tenant_id) references tenant (id)
);

-- Customers whose orders changed through the API since the last full run. run_id: the intraday run that rescored
-- them (null: not yet). Rows stay until the next full run, which covers them all, so that the screens can say how
-- many customers were updated since that run.
create table intraday_pending (
    id           bigint auto_increment primary key,
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    recorded_at  datetime(6) not null,
    run_id       bigint      null,
    constraint uk_intraday_pending_tenant unique (tenant_id, id),
    constraint fk_intraday_pending_tenant foreign key (tenant_id) references tenant (id)
);
create index ix_intraday_pending_run on intraday_pending (tenant_id, run_id, customer_id);
create index ix_intraday_pending_due on intraday_pending (run_id, tenant_id, recorded_at);

-- base_run_id: for an intraday run, the full run whose cut points it scored with. cut_points: a full run's
-- quintile and ABC cut points, kept when the first intraday run after it needs them.
alter table segmentation_run add column base_run_id bigint null;
alter table segmentation_run add column cut_points varchar(400) null;
