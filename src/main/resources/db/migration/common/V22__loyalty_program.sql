-- The loyalty programme's rules: how many points a currency unit earns, multipliers per product category or sales
-- channel, a birthday bonus, and when points expire. Orders on or after earn_from earn points, each night.
create table loyalty_program (
    tenant_id        bigint        not null primary key,
    enabled          boolean       not null default false,
    points_per_unit  decimal(10,4) not null default 1,
    birthday_bonus   int           not null default 0,
    expiry_mode      varchar(10)   not null default 'NONE',
    expiry_months    int           null,
    earn_from        date          null,
    version          int           not null default 0,
    updated_at       datetime(6)   not null,
    constraint fk_loyalty_program_tenant foreign key (tenant_id) references tenant (id)
);

create table loyalty_multiplier (
    tenant_id    bigint       not null,
    kind         varchar(10)  not null,
    match_value  varchar(100) not null,
    factor       decimal(6,2) not null,
    primary key (tenant_id, kind, match_value),
    constraint fk_loyalty_multiplier_tenant foreign key (tenant_id) references tenant (id)
);
