-- Member tiers (member / silver / gold / platinum, say): a threshold on the points earned or the money spent in the
-- last 12 months. Upgrades take effect the night they are earned; downgrades only at the yearly review, after one
-- review of grace.
alter table loyalty_program add column tier_basis varchar(10) not null default 'POINTS';
alter table loyalty_program add column review_month int not null default 1;
alter table loyalty_program add column review_day int not null default 1;

create table loyalty_tier (
    id          bigint auto_increment primary key,
    tenant_id   bigint        not null,
    name        varchar(60)   not null,
    threshold   decimal(14,2) not null,
    benefits    varchar(1000) null,
    constraint uk_loyalty_tier_threshold unique (tenant_id, threshold),
    constraint fk_loyalty_tier_tenant foreign key (tenant_id) references tenant (id)
);

create table customer_loyalty_tier (
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    tier_id      bigint      not null,
    since        date        not null,
    in_grace     boolean     not null default false,
    primary key (tenant_id, customer_id),
    constraint fk_customer_loyalty_tier_customer foreign key (customer_id) references customer (id),
    constraint fk_customer_loyalty_tier_tier foreign key (tier_id) references loyalty_tier (id)
);
create index ix_customer_loyalty_tier_tier on customer_loyalty_tier (tenant_id, tier_id);
