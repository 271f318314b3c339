-- Dashboard read models: computed once at the end of each published segmentation run (see
-- com.tierpilot.analytics.DashboardReadModels), so that the dashboard never aggregates orders or the per-customer
-- results on page load. The segment sizes and their trend are read from segment_size, which every run writes.

-- The run's headline figures.
create table dashboard_run (
    tenant_id         bigint        not null,
    run_id            bigint        not null,
    as_of             date          not null,
    previous_run_id   bigint        null,
    customers         int           not null,
    active_customers  int           not null,
    revenue           decimal(16,2) not null,
    tier_a_revenue    decimal(16,2) not null,
    top20_share       double        not null,
    computed_at       datetime(6)   not null,
    compute_ms        int           not null,
    primary key (tenant_id, run_id)
);

-- The Pareto curve: the share of the revenue of the top customer_share of the scored customers, at 101 points.
create table dashboard_pareto (
    tenant_id       bigint not null,
    run_id          bigint not null,
    point           int    not null,
    customer_share  double not null,
    revenue_share   double not null,
    primary key (tenant_id, run_id, point)
);

-- The R x F grid: scored customers per cell, their monetary sum, and the RFM segment the cell belongs to.
create table dashboard_rf_cell (
    tenant_id    bigint        not null,
    run_id       bigint        not null,
    r_score      int           not null,
    f_score      int           not null,
    rfm_segment  varchar(30)   not null,
    customers    int           not null,
    monetary     decimal(16,2) not null,
    primary key (tenant_id, run_id, r_score, f_score)
);

-- Customers per segment of the previous run and segment of this run, per scheme; '-' is "in no segment".
create table dashboard_migration (
    tenant_id     bigint      not null,
    run_id        bigint      not null,
    scheme        varchar(20) not null,
    from_segment  varchar(40) not null,
    to_segment    varchar(40) not null,
    customers     int         not null,
    primary key (tenant_id, run_id, scheme, from_segment, to_segment)
);
