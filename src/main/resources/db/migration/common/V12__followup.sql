-- Follow-up of customers at risk: contacts logged by account managers, and the outcome of each churn case.

-- A contact with a customer (a call, a visit, a message), logged by a user.
create table customer_contact (
    id            bigint auto_increment primary key,
    tenant_id     bigint        not null,
    customer_id   bigint        not null,
    user_id       bigint        not null,
    contacted_at  datetime(6)   not null,
    channel       varchar(20)   not null,
    note          varchar(1000) null,
    constraint fk_customer_contact_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_customer_contact_customer foreign key (customer_id) references customer (id)
);
create index ix_customer_contact_customer on customer_contact (tenant_id, customer_id, contacted_at);

-- How a customer on the churn list ended: won back, or lost with a reason. Decided against a segmentation run: the
-- customer leaves the list until a later run puts the customer on it again.
create table churn_outcome (
    id            bigint auto_increment primary key,
    tenant_id     bigint        not null,
    customer_id   bigint        not null,
    run_id        bigint        not null,
    outcome       varchar(10)   not null,
    reason        varchar(20)   null,
    note          varchar(1000) null,
    decided_by    bigint        not null,
    decided_at    datetime(6)   not null,
    constraint uk_churn_outcome unique (tenant_id, customer_id, run_id),
    constraint fk_churn_outcome_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_churn_outcome_customer foreign key (customer_id) references customer (id)
);
create index ix_churn_outcome_decided on churn_outcome (tenant_id, decided_at);
