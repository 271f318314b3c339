-- Customers and their orders.
create table customer (
    id                  bigint auto_increment primary key,
    tenant_id           bigint       not null,
    code                varchar(64)  not null,
    name                varchar(200) null,
    phone               varchar(40)  null,
    email               varchar(254) null,
    gender              char(1)      null,
    birthday            date         null,
    region              varchar(100) null,
    city                varchar(100) null,
    industry            varchar(100) null,
    company_size        varchar(40)  null,
    source_channel      varchar(60)  null,
    account_manager_id  bigint       null,
    created_on          date         not null,
    marketing_consent   boolean      not null default false,
    created_at          datetime(6)  not null,
    updated_at          datetime(6)  not null,
    version             int          not null default 0,
    constraint uk_customer_code unique (tenant_id, code),
    constraint fk_customer_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_customer_manager foreign key (account_manager_id) references user_account (id)
);
create index ix_customer_manager on customer (tenant_id, account_manager_id);
create index ix_customer_region on customer (tenant_id, region, city);
create index ix_customer_name on customer (tenant_id, name);

create table customer_tag (
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    tag          varchar(60) not null,
    primary key (tenant_id, customer_id, tag),
    constraint fk_customer_tag_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_customer_tag_tag on customer_tag (tenant_id, tag, customer_id);

-- Tenant-defined extra attributes, usable by rule segments.
create table customer_attribute (
    tenant_id    bigint       not null,
    customer_id  bigint       not null,
    name         varchar(60)  not null,
    attr_value   varchar(500) null,
    primary key (tenant_id, customer_id, name),
    constraint fk_customer_attribute_customer foreign key (customer_id) references customer (id) on delete cascade
);

-- An order. ordered_at is the local date-time in the tenant's time zone; order_date is its date.
-- status: COMPLETED counts as a purchase; REFUNDED rows are refund documents with a negative amount that net
-- against revenue; CANCELLED orders count for nothing.
create table customer_order (
    id           bigint auto_increment primary key,
    tenant_id    bigint        not null,
    order_no     varchar(64)   not null,
    customer_id  bigint        not null,
    ordered_at   datetime      not null,
    order_date   date          not null,
    amount       decimal(14,2) not null,
    quantity     int           not null default 1,
    category     varchar(100)  null,
    channel      varchar(60)   null,
    status       varchar(12)   not null,
    created_at   datetime(6)   not null,
    constraint uk_customer_order_no unique (tenant_id, order_no),
    constraint fk_customer_order_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_customer_order_customer foreign key (customer_id) references customer (id)
);
-- Covering index for the per-customer aggregation (segmentation) and the customer's order list.
create index ix_customer_order_agg on customer_order (tenant_id, customer_id, order_date, status, amount);
create index ix_customer_order_date on customer_order (tenant_id, order_date);
