-- API tokens for the REST API. Each acts for one tenant. Only the SHA-256 of the token is stored; token_prefix
-- (e.g. "tp_AbC1") lets the owner tell tokens apart. created_by is null for tokens created by the system (the demo).
create table api_token (
    id            bigint auto_increment primary key,
    tenant_id     bigint       not null,
    name          varchar(100) not null,
    token_hash    char(64)     not null,
    token_prefix  varchar(12)  not null,
    created_by    bigint       null,
    created_at    datetime(6)  not null,
    last_used_at  datetime(6)  null,
    revoked_at    datetime(6)  null,
    constraint uk_api_token_hash unique (token_hash),
    constraint uk_api_token_tenant unique (tenant_id, id),
    constraint fk_api_token_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_api_token_user foreign key (created_by) references user_account (id)
);
