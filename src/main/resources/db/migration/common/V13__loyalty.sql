-- Loyalty points: an append-only ledger, and each customer's balance kept with it in the same transaction.

-- Every change of a customer's points. Never updated or deleted. The idempotency key makes an award, a spend or a
-- reversal happen once however often it is sent.
create table loyalty_entry (
    id               bigint auto_increment primary key,
    tenant_id        bigint       not null,
    customer_id      bigint       not null,
    points           int          not null,
    reason           varchar(20)  not null,
    reference        varchar(64)  null,
    idempotency_key  varchar(100) not null,
    expires_on       date         null,
    created_at       datetime(6)  not null,
    constraint uk_loyalty_entry_key unique (tenant_id, idempotency_key),
    constraint fk_loyalty_entry_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_loyalty_entry_customer foreign key (customer_id) references customer (id)
);
create index ix_loyalty_entry_customer on loyalty_entry (tenant_id, customer_id, created_at);
create index ix_loyalty_entry_reference on loyalty_entry (tenant_id, customer_id, reference);

-- The balance: the sum of the ledger, never negative; what a refund could not take back because the points were
-- already spent is recorded as debt, to be settled from the next points earned.
create table loyalty_balance (
    tenant_id    bigint not null,
    customer_id  bigint not null,
    points       int    not null,
    debt         int    not null default 0,
    primary key (tenant_id, customer_id),
    constraint fk_loyalty_balance_tenant foreign key (tenant_id) references tenant (id),
    constraint ck_loyalty_balance_points check (points >= 0)
);
