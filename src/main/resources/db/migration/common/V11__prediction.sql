-- Churn prediction and customer lifetime value (BG/NBD and Gamma-Gamma), per tenant.

-- What the tenant sets: the monthly discount rate of the 12-month CLV, and the P(alive) under which a customer
-- goes on the churn list.
create table prediction_settings (
    tenant_id         bigint       not null primary key,
    monthly_discount  decimal(6,4) not null,
    churn_threshold   decimal(4,3) not null,
    updated_at        datetime(6)  not null,
    constraint fk_prediction_settings_tenant foreign key (tenant_id) references tenant (id)
);

-- The model of the tenant's latest prediction: fitted to its own customers, or the population defaults when it has
-- too few repeat buyers to fit.
create table prediction_model (
    tenant_id       bigint        not null primary key,
    as_of           date          not null,
    fitted          boolean       not null,
    customers       int           not null,
    repeat_buyers   int           not null,
    bg_r            double        not null,
    bg_alpha        double        not null,
    bg_a            double        not null,
    bg_b            double        not null,
    bg_log_lik      double        null,
    gg_p            double        not null,
    gg_q            double        not null,
    gg_v            double        not null,
    gg_log_lik      double        null,
    monthly_discount decimal(6,4) not null,
    computed_at     datetime(6)   not null,
    took_ms         bigint        not null,
    constraint fk_prediction_model_tenant foreign key (tenant_id) references tenant (id)
);

-- Each customer's predictions from that model. Replaced as a whole, in one transaction, by each prediction.
create table customer_prediction (
    tenant_id            bigint        not null,
    customer_id          bigint        not null,
    p_alive              decimal(7,6)  not null,
    expected_90d         decimal(12,4) not null,
    average_spend        decimal(14,2) not null,
    clv_12m              decimal(16,2) not null,
    primary key (tenant_id, customer_id)
);
create index ix_customer_prediction_alive on customer_prediction (tenant_id, p_alive, customer_id);
