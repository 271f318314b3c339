-- Segmentation: each tenant's scheme settings, rule segments, recompute runs and their results.

-- The tenant's RFM, ABC and lifecycle settings, as JSON documents; one row per tenant.
create table segmentation_settings (
    tenant_id   bigint        not null primary key,
    rfm         varchar(8000) not null,
    abc         varchar(2000) not null,
    lifecycle   varchar(4000) not null,
    version     int           not null,
    updated_at  datetime(6)   not null,
    updated_by  bigint        null,
    constraint fk_segmentation_settings_tenant foreign key (tenant_id) references tenant (id)
);

-- A segment defined by rules over customer attributes and computed metrics.
create table rule_segment (
    id          bigint auto_increment primary key,
    tenant_id   bigint        not null,
    seg_key     varchar(40)   not null,
    name        varchar(120)  not null,
    definition  varchar(8000) not null,
    active      boolean       not null default true,
    created_at  datetime(6)   not null,
    updated_at  datetime(6)   not null,
    version     int           not null default 0,
    constraint uk_rule_segment_key unique (tenant_id, seg_key),
    constraint uk_rule_segment_tenant unique (tenant_id, id),
    constraint fk_rule_segment_tenant foreign key (tenant_id) references tenant (id)
);

-- Every change of the settings or of a rule segment: who, when, and from what to what.
create table segmentation_change (
    id          bigint auto_increment primary key,
    tenant_id   bigint        not null,
    changed_at  datetime(6)   not null,
    user_id     bigint        null,
    scheme      varchar(20)   not null,
    subject     varchar(120)  null,
    before_json varchar(8000) null,
    after_json  varchar(8000) null,
    constraint uk_segmentation_change_tenant unique (tenant_id, id)
);
create index ix_segmentation_change_time on segmentation_change (tenant_id, changed_at);

-- One recompute of a tenant's segments, as of a date.
create table segmentation_run (
    id                 bigint auto_increment primary key,
    tenant_id          bigint        not null,
    as_of              date          not null,
    trigger_source     varchar(20)   not null,
    node               varchar(100)  null,
    status             varchar(20)   not null,
    phase              varchar(20)   not null,
    progress_permille  int           not null default 0,
    started_at         datetime(6)   not null,
    heartbeat_at       datetime(6)   not null,
    finished_at        datetime(6)   null,
    customers          int           not null default 0,
    customers_scored   int           not null default 0,
    changes            int           not null default 0,
    settings_version   int           not null,
    error              varchar(1000) null,
    constraint uk_segmentation_run_tenant unique (tenant_id, id),
    constraint fk_segmentation_run_tenant foreign key (tenant_id) references tenant (id)
);
create index ix_segmentation_run_started on segmentation_run (tenant_id, started_at);

-- Which run's results readers see. Switching current_run_id is the atomic commit of a run.
create table segmentation_state (
    tenant_id        bigint      not null primary key,
    current_run_id   bigint      null,
    previous_run_id  bigint      null,
    running_run_id   bigint      null,
    running_since    datetime(6) null,
    constraint fk_segmentation_state_tenant foreign key (tenant_id) references tenant (id)
);

-- Each customer's metrics and segments in a run. Rows of the current and the previous run are kept.
create table customer_segment (
    tenant_id       bigint        not null,
    run_id          bigint        not null,
    customer_id     bigint        not null,
    recency_days    int           null,
    frequency       int           not null,
    monetary        decimal(14,2) not null,
    r_score         tinyint       null,
    f_score         tinyint       null,
    m_score         tinyint       null,
    rfm_segment     varchar(30)   null,
    abc_tier        char(1)       null,
    lifecycle       varchar(20)   not null,
    first_order     date          null,
    last_order      date          null,
    orders_total    int           not null,
    primary key (tenant_id, run_id, customer_id)
);
create index ix_customer_segment_rfm on customer_segment (tenant_id, run_id, rfm_segment, customer_id);
create index ix_customer_segment_abc on customer_segment (tenant_id, run_id, abc_tier, customer_id);
create index ix_customer_segment_lifecycle on customer_segment (tenant_id, run_id, lifecycle, customer_id);

-- Members of the rule segments in a run.
create table rule_segment_member (
    tenant_id    bigint not null,
    run_id       bigint not null,
    segment_id   bigint not null,
    customer_id  bigint not null,
    primary key (tenant_id, run_id, segment_id, customer_id)
);

-- Customers who moved between segments of a scheme from one run to the next.
create table segment_change (
    tenant_id     bigint      not null,
    run_id        bigint      not null,
    customer_id   bigint      not null,
    scheme        varchar(20) not null,
    from_segment  varchar(40) null,
    to_segment    varchar(40) null,
    primary key (tenant_id, run_id, customer_id, scheme)
);
create index ix_segment_change_customer on segment_change (tenant_id, customer_id, run_id);

-- Segment sizes and revenue per run, for the segment browser and the trend charts.
create table segment_size (
    tenant_id  bigint        not null,
    run_id     bigint        not null,
    scheme     varchar(20)   not null,
    segment    varchar(40)   not null,
    customers  int           not null,
    revenue    decimal(16,2) not null,
    primary key (tenant_id, run_id, scheme, segment)
);
