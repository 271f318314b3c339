-- Issue 19: each company's delivery rules, and its accounts at the SMS providers. A provider secret is stored only
-- AES-GCM encrypted under the platform key (secret_sealed), with its last four characters (secret_hint) to show it
-- masked; it is never shown again in full.
create table delivery_settings (
    tenant_id           bigint        not null primary key,
    quiet_start         time          not null,
    quiet_end           time          not null,
    weekly_cap          int           not null,
    sms_price_per_part  decimal(10,4) not null,
    sms_provider        varchar(20)   null,
    unsubscribe_text    varchar(40)   not null,
    updated_at          datetime(6)   not null,
    version             int           not null default 0,
    constraint fk_delivery_settings_tenant foreign key (tenant_id) references tenant (id)
);

create table delivery_provider (
    tenant_id      bigint       not null,
    provider       varchar(20)  not null,
    access_key_id  varchar(128) not null,
    secret_sealed  varchar(512) not null,
    secret_hint    varchar(8)   not null,
    sign_name      varchar(60)  not null,
    app_id         varchar(64)  null,
    region         varchar(40)  not null,
    updated_at     datetime(6)  not null,
    primary key (tenant_id, provider),
    constraint fk_delivery_provider_tenant foreign key (tenant_id) references tenant (id)
);
