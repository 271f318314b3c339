-- The nightly pipeline: one row per pipeline run (scheduled, retried, manual), with its steps' outcomes.
create table nightly_run (
    id                  bigint auto_increment primary key,
    tenant_id           bigint        not null,
    segmentation_run_id bigint        null,
    trigger_source      varchar(20)   not null,
    attempt             int           not null,
    node                varchar(100)  null,
    started_at          datetime(6)   not null,
    finished_at         datetime(6)   null,
    status              varchar(20)   not null,
    steps               varchar(1000) null,
    error               varchar(1000) null,
    constraint uk_nightly_run_tenant unique (tenant_id, id),
    constraint fk_nightly_run_tenant foreign key (tenant_id) references tenant (id)
);
create index ix_nightly_run_segmentation on nightly_run (tenant_id, segmentation_run_id);

-- What the owner is told about: a run that failed after its retries, or one much slower than usual.
create table nightly_alert (
    id            bigint auto_increment primary key,
    tenant_id     bigint        not null,
    kind          varchar(20)   not null,
    nightly_run_id bigint       null,
    detail        varchar(1000) null,
    created_at    datetime(6)   not null,
    dismissed_at  datetime(6)   null,
    constraint uk_nightly_alert_tenant unique (tenant_id, id),
    constraint fk_nightly_alert_tenant foreign key (tenant_id) references tenant (id)
);
create index ix_nightly_alert_open on nightly_alert (tenant_id, dismissed_at);
