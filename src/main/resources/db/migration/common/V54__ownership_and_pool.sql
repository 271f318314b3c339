-- Issue 20: ownership (管户), the shared pool (公海) and follow-up logs (追踪志).
-- A customer's owner is its account manager (customer.account_manager_id); a customer without one is in the pool.

-- The company's limits: customers per manager (the seed's 500-800: 800 by default, a warning past it), claims from
-- the pool per manager and day, and the days without a follow-up after which a customer of each grade (and one
-- without a grade) goes back to the pool.
alter table sales_settings add column manager_limit int not null default 800;
alter table sales_settings add column daily_claims int not null default 20;
alter table sales_settings add column return_a_days int not null default 7;
alter table sales_settings add column return_b_days int not null default 14;
alter table sales_settings add column return_c_days int not null default 30;
alter table sales_settings add column return_d_days int not null default 60;
alter table sales_settings add column return_e_days int not null default 90;
alter table sales_settings add column return_none_days int not null default 30;

-- Every change of a customer's owner: assigned (one, by filter, round-robin), released, claimed from the pool, or
-- returned to the pool at night; changed_on is the company's day, for the daily claim limit.
create table customer_owner_change (
    id              bigint auto_increment primary key,
    tenant_id       bigint       not null,
    customer_id     bigint       not null,
    changed_at      datetime(6)  not null,
    changed_on      date         not null,
    changed_by      bigint       null,
    action          varchar(8)   not null,
    old_manager_id  bigint       null,
    new_manager_id  bigint       null,
    constraint fk_owner_change_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_owner_change_customer on customer_owner_change (tenant_id, customer_id, changed_at);
create index ix_owner_change_claims on customer_owner_change (tenant_id, new_manager_id, action, changed_on);

-- One row per manager who has claimed: locked by each claim, so that one manager's claims are counted one at a time.
create table owner_claim_lock (
    tenant_id   bigint      not null,
    user_id     bigint      not null,
    claims      bigint      not null default 0,
    primary key (tenant_id, user_id)
);

-- A follow-up logged on a customer: call, visit, message or note, its outcome, and the next date.
create table customer_followup_log (
    id           bigint auto_increment primary key,
    tenant_id    bigint        not null,
    customer_id  bigint        not null,
    logged_at    datetime(6)   not null,
    logged_on    date          not null,
    logged_by    bigint        null,
    kind         varchar(8)    not null,
    outcome      varchar(12)   null,
    note         varchar(1000) null,
    next_on      date          null,
    constraint fk_followup_log_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_followup_log_customer on customer_followup_log (tenant_id, customer_id, logged_on);

-- The night a customer will go back to the pool, told to its owner the day before.
create table pool_return_notice (
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    manager_id   bigint      not null,
    returns_on   date        not null,
    created_at   datetime(6) not null,
    primary key (tenant_id, customer_id, returns_on),
    constraint fk_pool_notice_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_pool_notice_manager on pool_return_notice (tenant_id, manager_id, returns_on);

-- Since when the night has seen each customer with its current owner: the owner's time without a follow-up counts
-- from here (or from the last follow-up, if later), whether the owner came by claim, assignment, import or API.
create table pool_watch (
    tenant_id    bigint not null,
    customer_id  bigint not null,
    manager_id   bigint not null,
    since        date   not null,
    primary key (tenant_id, customer_id),
    constraint fk_pool_watch_customer foreign key (customer_id) references customer (id) on delete cascade
);
