-- The rewards catalogue and its redemptions. Exactly once is the database's job: a redemption's idempotency key is
-- unique per tenant, the stock is taken by one conditional update (redeemed < stock), and the points by the
-- balance's conditional update, all in one transaction.
create table loyalty_reward (
    id           bigint auto_increment primary key,
    tenant_id    bigint       not null,
    name         varchar(120) not null,
    description  varchar(500) null,
    points_cost  int          not null,
    stock        int          null,
    redeemed     int          not null default 0,
    active       boolean      not null default true,
    created_at   datetime(6)  not null,
    updated_at   datetime(6)  not null,
    version      int          not null default 0,
    constraint fk_loyalty_reward_tenant foreign key (tenant_id) references tenant (id),
    constraint ck_loyalty_reward_cost check (points_cost > 0),
    constraint ck_loyalty_reward_stock check (stock is null or redeemed <= stock)
);
create index ix_loyalty_reward_tenant on loyalty_reward (tenant_id, name);

create table loyalty_redemption (
    id               bigint auto_increment primary key,
    tenant_id        bigint       not null,
    reward_id        bigint       not null,
    customer_id      bigint       not null,
    points           int          not null,
    idempotency_key  varchar(100) not null,
    redeemed_by      bigint       null,
    created_at       datetime(6)  not null,
    constraint uk_loyalty_redemption_key unique (tenant_id, idempotency_key),
    constraint fk_loyalty_redemption_reward foreign key (reward_id) references loyalty_reward (id),
    constraint fk_loyalty_redemption_customer foreign key (customer_id) references customer (id),
    constraint fk_loyalty_redemption_user foreign key (redeemed_by) references user_account (id)
);
create index ix_loyalty_redemption_customer on loyalty_redemption (tenant_id, customer_id, created_at);
