-- Issue 20: where each customer stands in the sale (the salesperson's layering, next to RFM and the lifecycle).
-- stage: POTENTIAL, NEGOTIATING, SIGNED or LOST (with lost_reason); need: NOW, FUTURE or NONE;
-- customer_type: IDEAL, GOOD, AVERAGE, POOR or AVOID. The labels shown for stages and types are the company's.
create table customer_sales (
    tenant_id           bigint        not null,
    customer_id         bigint        not null,
    stage               varchar(12)   null,
    lost_reason         varchar(200)  null,
    expected_close_on   date          null,
    expected_deal_size  decimal(14,2) null,
    need                varchar(8)    null,
    customer_type       varchar(8)    null,
    next_followup_on    date          null,
    updated_at          datetime(6)   not null,
    primary key (tenant_id, customer_id),
    constraint fk_customer_sales_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_customer_sales_close on customer_sales (tenant_id, expected_close_on);

-- Who changed which field of the sales state, when, from where (UI, API or IMPORT), from what to what.
create table customer_sales_history (
    id           bigint auto_increment primary key,
    tenant_id    bigint       not null,
    customer_id  bigint       not null,
    changed_at   datetime(6)  not null,
    changed_by   bigint       null,
    source       varchar(8)   not null,
    field        varchar(24)  not null,
    old_value    varchar(200) null,
    new_value    varchar(200) null,
    constraint fk_customer_sales_history_customer foreign key (customer_id) references customer (id)
        on delete cascade
);
create index ix_customer_sales_history on customer_sales_history (tenant_id, customer_id, changed_at);

-- The sales columns of a customer file, staged like the others and merged after the customers.
create table import_stage_sales (
    tenant_id           bigint        not null,
    run_id              bigint        not null,
    line_no             int           not null,
    customer_code       varchar(64)   not null,
    stage               varchar(12)   null,
    lost_reason         varchar(200)  null,
    expected_close_on   date          null,
    expected_deal_size  decimal(14,2) null,
    need                varchar(8)    null,
    customer_type       varchar(8)    null,
    next_followup_on    date          null,
    primary key (tenant_id, run_id, line_no)
);
