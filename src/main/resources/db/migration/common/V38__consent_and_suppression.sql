-- Issue 19: marketing consent per customer and channel (when and how it was last given or withdrawn), each company's
-- suppression list (addresses no campaign may reach: bounced, complained, unsubscribed), the random tokens of the
-- unsubscribe links (only their SHA-256 is stored; a token reveals neither company nor customer), and the secret
-- callback addresses at which the SMS providers report customers' replies.
create table marketing_consent (
    tenant_id    bigint       not null,
    customer_id  bigint       not null,
    channel      varchar(10)  not null,
    granted      boolean      not null,
    source       varchar(20)  not null,
    note         varchar(200) null,
    changed_at   datetime(6)  not null,
    primary key (tenant_id, customer_id, channel),
    constraint fk_marketing_consent_customer foreign key (customer_id) references customer (id) on delete cascade
);

create table suppression (
    tenant_id   bigint       not null,
    channel     varchar(10)  not null,
    address     varchar(254) not null,
    reason      varchar(20)  not null,
    source      varchar(20)  not null,
    created_at  datetime(6)  not null,
    primary key (tenant_id, channel, address)
);

create table unsubscribe_token (
    token_hash   char(64)    not null primary key,
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    channel      varchar(10) not null,
    created_at   datetime(6) not null,
    used_at      datetime(6) null,
    constraint fk_unsubscribe_token_customer foreign key (customer_id) references customer (id) on delete cascade
);

create table sms_reply_hook (
    token_hash  char(64)    not null primary key,
    tenant_id   bigint      not null,
    created_at  datetime(6) not null,
    constraint uk_sms_reply_hook_tenant unique (tenant_id),
    constraint fk_sms_reply_hook_tenant foreign key (tenant_id) references tenant (id)
);
