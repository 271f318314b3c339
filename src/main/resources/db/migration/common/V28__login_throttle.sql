-- Failed logins per client address ('ip|<address>') and per address and account ('pair|<address>|<e-mail>'): each
-- failure past a free allowance blocks further tries of that key for a delay that doubles, up to a cap. Replaces
-- the lockout of the account, which anyone could trigger for any e-mail address.
create table login_throttle (
    throttle_key    varchar(320) not null primary key,
    failures        int          not null,
    blocked_until   datetime(6)  null,
    last_failure_at datetime(6)  not null
);

create index ix_login_throttle_last_failure on login_throttle (last_failure_at);
