-- Sign-ups waiting for the owner to open the link mailed to their address. Nothing of the company exists until then.
-- Only the SHA-256 of the link's token is stored, and the password only as its bcrypt hash.
create table signup_request (
    token_hash     char(64)     not null primary key,
    email          varchar(254) not null,
    company_name   varchar(120) not null,
    owner_name     varchar(120) not null,
    password_hash  varchar(100) not null,
    time_zone      varchar(64)  not null,
    currency       char(3)      not null,
    language       varchar(16)  not null,
    created_at     datetime(6)  not null,
    expires_at     datetime(6)  not null,
    used_at        datetime(6)  null
);
create index ix_signup_request_expiry on signup_request (expires_at);
