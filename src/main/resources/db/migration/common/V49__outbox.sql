-- Issue 19: message templates per company (one text per language, zh-CN and en; the customer's language picks it)
-- and the outbox the clustered sender drains. A campaign's launch writes one row per target member, channel and
-- campaign step (uk_outbox_message: exactly one, even when a launch or a node is retried); members without consent,
-- without an address or suppressed get a HELD row that says why and is never sent. The sender claims rows with a
-- lease (lease_owner, lease_until: a conditional update, safe across nodes); counted_at marks the message as one of
-- the customer's marketing messages of a rolling week (the frequency cap). No foreign key to customer here: the
-- composite (tenant_id, id) key of customer comes with V59, after this migration.
create table message_template (
    id          bigint auto_increment primary key,
    tenant_id   bigint       not null,
    name        varchar(80)  not null,
    channel     varchar(10)  not null,
    updated_at  datetime(6)  not null,
    constraint uk_message_template_tenant unique (tenant_id, id),
    constraint uk_message_template_name unique (tenant_id, name),
    constraint fk_message_template_tenant foreign key (tenant_id) references tenant (id)
);

create table message_template_text (
    tenant_id          bigint        not null,
    template_id        bigint        not null,
    language           varchar(8)    not null,
    subject            varchar(200)  null,
    body               varchar(4000) not null,
    provider_template  varchar(64)   null,
    primary key (tenant_id, template_id, language),
    constraint fk_message_template_text foreign key (tenant_id, template_id)
        references message_template (tenant_id, id) on delete cascade
);

-- What all messages of one campaign step on one channel share: the template and the merge fields that are the same
-- for every member (the coupon's value per language, its expiry, the segment, the link).
create table outbox_batch (
    tenant_id        bigint        not null,
    campaign_id      bigint        not null,
    step             int           not null,
    channel          varchar(10)   not null,
    template_id      bigint        not null,
    provider         varchar(20)   not null,
    coupon_value_zh  varchar(80)   null,
    coupon_value_en  varchar(80)   null,
    coupon_expiry    date          null,
    segment_zh       varchar(200)  null,
    segment_en       varchar(200)  null,
    link             varchar(500)  null,
    created_at       datetime(6)   not null,
    primary key (tenant_id, campaign_id, step, channel),
    constraint fk_outbox_batch_template foreign key (tenant_id, template_id) references message_template (tenant_id, id)
);

create table outbox_message (
    id                   bigint auto_increment primary key,
    tenant_id            bigint       not null,
    campaign_id          bigint       not null,
    step                 int          not null,
    channel              varchar(10)  not null,
    customer_id          bigint       not null,
    provider             varchar(20)  not null,
    coupon_code          varchar(40)  null,
    status               varchar(10)  not null,
    hold_reason          varchar(20)  null,
    attempts             int          not null default 0,
    next_attempt_at      datetime(6)  not null,
    lease_owner          varchar(80)  null,
    lease_until          datetime(6)  null,
    counted_at           datetime(6)  null,
    provider_message_id  varchar(200) null,
    error_code           varchar(64)  null,
    error_detail         varchar(500) null,
    created_at           datetime(6)  not null,
    sent_at              datetime(6)  null,
    delivered_at         datetime(6)  null,
    failed_at            datetime(6)  null,
    constraint uk_outbox_message unique (tenant_id, campaign_id, step, channel, customer_id),
    constraint fk_outbox_message_batch foreign key (tenant_id, campaign_id, step, channel)
        references outbox_batch (tenant_id, campaign_id, step, channel)
);
create index ix_outbox_due on outbox_message (status, next_attempt_at);
create index ix_outbox_customer on outbox_message (tenant_id, customer_id, counted_at);
create index ix_outbox_provider_message on outbox_message (tenant_id, provider_message_id);

-- The sender's rate windows, shared by all nodes: scope "tenant:<id>" or "provider:<name>", messages taken in the
-- current one-second window.
create table delivery_rate (
    scope         varchar(60)  not null primary key,
    window_start  datetime(6)  not null,
    used          int          not null
);

-- Tracked short links: each message with a link gets a random token (only its SHA-256 is stored; it reveals neither
-- the company nor the customer); /l/<token> counts the click and redirects to the campaign's link.
create table tracked_link (
    token_hash      char(64)     not null primary key,
    tenant_id       bigint       not null,
    message_id      bigint       not null,
    target          varchar(500) not null,
    clicks          int          not null default 0,
    first_click_at  datetime(6)  null,
    constraint uk_tracked_link_message unique (tenant_id, message_id)
);
