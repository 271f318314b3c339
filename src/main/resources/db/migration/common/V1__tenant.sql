-- Tenants, their users and invitations. Times are UTC instants (datetime(6)).
create table tenant (
    id          bigint auto_increment primary key,
    name        varchar(120) not null,
    time_zone   varchar(64)  not null,
    currency    char(3)      not null,
    locale      varchar(10)  not null,
    active      boolean      not null default true,
    created_at  datetime(6)  not null,
    version     int          not null default 0
);

-- A user belongs to exactly one tenant; the e-mail address is the login name and is unique across tenants.
create table user_account (
    id             bigint auto_increment primary key,
    tenant_id      bigint       not null,
    email          varchar(254) not null,
    display_name   varchar(120) not null,
    password_hash  varchar(100) not null,
    role           varchar(20)  not null,
    locale         varchar(10)  not null,
    active         boolean      not null default true,
    failed_logins  int          not null default 0,
    locked_until   datetime(6)  null,
    created_at     datetime(6)  not null,
    last_login_at  datetime(6)  null,
    version        int          not null default 0,
    constraint uk_user_account_email unique (email),
    constraint uk_user_account_tenant unique (tenant_id, id),
    constraint fk_user_account_tenant foreign key (tenant_id) references tenant (id)
);

-- Single-use invitations; only the SHA-256 of the token is stored.
create table invitation (
    id                bigint auto_increment primary key,
    tenant_id         bigint       not null,
    email             varchar(254) not null,
    role              varchar(20)  not null,
    token_hash        char(64)     not null,
    invited_by        bigint       not null,
    created_at        datetime(6)  not null,
    expires_at        datetime(6)  not null,
    accepted_at       datetime(6)  null,
    accepted_user_id  bigint       null,
    revoked_at        datetime(6)  null,
    version           int          not null default 0,
    constraint uk_invitation_token unique (token_hash),
    constraint uk_invitation_tenant unique (tenant_id, id),
    constraint fk_invitation_tenant foreign key (tenant_id) references tenant (id)
);

-- Short-lived single-use tokens that log a user in right after sign-up or after accepting an invitation.
create table login_token (
    token_hash  char(64)    not null primary key,
    tenant_id   bigint      not null,
    user_id     bigint      not null,
    expires_at  datetime(6) not null,
    used_at     datetime(6) null,
    constraint fk_login_token_user foreign key (user_id) references user_account (id)
);

-- Sign-up attempts per client address, for the rate limit. Shared by all nodes.
create table signup_attempt (
    id            bigint auto_increment primary key,
    client_ip     varchar(45) not null,
    attempted_at  datetime(6) not null
);
create index ix_signup_attempt_ip on signup_attempt (client_ip, attempted_at);
