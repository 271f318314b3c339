-- Campaigns on segments, their frozen members (target and control), coupons, codes and redemptions.

-- A campaign. The target is stored as segment references "SCHEME:key" (RFM, ABC, LIFECYCLE, RULE), comma separated;
-- required_rule is a rule segment key every member must also be in.
create table campaign (
    id               bigint auto_increment primary key,
    tenant_id        bigint        not null,
    name             varchar(120)  not null,
    goal             varchar(500)  null,
    status           varchar(12)   not null,
    include_segments varchar(2000) not null,
    exclude_segments varchar(2000) not null,
    required_rule    varchar(40)   null,
    holdout_percent  int           not null,
    starts_at        datetime(6)   not null,
    ends_at          datetime(6)   not null,
    actions          varchar(200)  not null,
    launched_at      datetime(6)   null,
    target_members   int           not null default 0,
    control_members  int           not null default 0,
    created_at       datetime(6)   not null,
    created_by       bigint        null,
    constraint uk_campaign_tenant unique (tenant_id, id),
    constraint fk_campaign_tenant foreign key (tenant_id) references tenant (id),
    constraint ck_campaign_holdout check (holdout_percent between 0 and 90)
);
create index ix_campaign_list on campaign (tenant_id, created_at);

-- The audience frozen at launch: control members get no action.
create table campaign_member (
    tenant_id    bigint  not null,
    campaign_id  bigint  not null,
    customer_id  bigint  not null,
    control      boolean not null,
    primary key (tenant_id, campaign_id, customer_id),
    constraint fk_campaign_member_campaign foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    constraint fk_campaign_member_customer foreign key (customer_id) references customer (id)
);

-- A campaign's coupon. DISCOUNT_TYPE: PERCENT (value = percent off), FIXED (value = amount off),
-- SPEND_SAVE (满减: spend threshold, save value). total_limit null = no total limit; total_used counts uses.
create table coupon (
    id                  bigint auto_increment primary key,
    tenant_id           bigint        not null,
    campaign_id         bigint        not null,
    discount_type       varchar(12)   not null,
    discount_value      decimal(14,2) not null,
    spend_threshold     decimal(14,2) null,
    min_spend           decimal(14,2) not null default 0,
    valid_from          datetime(6)   not null,
    valid_to            datetime(6)   not null,
    categories          varchar(1000) null,
    code_mode           varchar(10)   not null,
    code_prefix         varchar(12)   not null,
    shared_code         varchar(40)   null,
    per_code_limit      int           not null,
    per_customer_limit  int           not null,
    total_limit         int           null,
    total_used          int           not null default 0,
    constraint uk_coupon_tenant unique (tenant_id, id),
    constraint uk_coupon_campaign unique (tenant_id, campaign_id),
    constraint fk_coupon_campaign foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    constraint ck_coupon_total check (total_limit is null or total_used <= total_limit)
);

-- Every code of a coupon: one per target member, or the one shared code (customer_id null).
create table coupon_code (
    id           bigint auto_increment primary key,
    tenant_id    bigint      not null,
    coupon_id    bigint      not null,
    code         varchar(40) not null,
    customer_id  bigint      null,
    uses         int         not null default 0,
    constraint uk_coupon_code unique (tenant_id, code),
    constraint uk_coupon_code_tenant unique (tenant_id, id),
    constraint fk_coupon_code_coupon foreign key (tenant_id, coupon_id) references coupon (tenant_id, id),
    constraint ck_coupon_code_uses check (uses >= 0)
);
create index ix_coupon_code_customer on coupon_code (tenant_id, customer_id);
create index ix_coupon_code_coupon on coupon_code (tenant_id, coupon_id, id);

-- Uses of a coupon per customer: the per-customer limit is a conditional update of this row. No foreign key to
-- the coupon: its check would take a shared lock on the coupon row that concurrent redemptions update.
create table coupon_customer_use (
    tenant_id    bigint not null,
    coupon_id    bigint not null,
    customer_id  bigint not null,
    uses         int    not null default 0,
    primary key (tenant_id, coupon_id, customer_id),
    constraint ck_coupon_use_uses check (uses >= 0)
);

-- One redemption per order number in the company: a retried redemption of the same order finds it here.
create table coupon_redemption (
    id            bigint auto_increment primary key,
    tenant_id     bigint        not null,
    coupon_id     bigint        not null,
    code_id       bigint        not null,
    customer_id   bigint        not null,
    order_no      varchar(64)   not null,
    order_amount  decimal(14,2) not null,
    discount      decimal(14,2) not null,
    status        varchar(10)   not null,
    redeemed_at   datetime(6)   not null,
    reversed_at   datetime(6)   null,
    constraint uk_coupon_redemption_order unique (tenant_id, order_no),
    constraint fk_coupon_redemption_code foreign key (tenant_id, code_id) references coupon_code (tenant_id, id)
);
create index ix_coupon_redemption_coupon on coupon_redemption (tenant_id, coupon_id, customer_id);
