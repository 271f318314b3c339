-- Issue 20: the A-E grade of prospects, computed every night from the sales state by the seed's rules.
-- The thresholds are days to the expected close date; the defaults are the seed's: A within a month, B within
-- three months, C within six. Stage and customer-type labels, when set, replace the default wording.
create table sales_settings (
    tenant_id        bigint       not null primary key,
    a_within_days    int          not null default 30,
    b_within_days    int          not null default 90,
    c_within_days    int          not null default 180,
    stage_labels     varchar(1000) null,
    type_labels      varchar(1000) null,
    updated_at       datetime(6)  not null,
    constraint fk_sales_settings_tenant foreign key (tenant_id) references tenant (id)
);

create table prospect_grade (
    tenant_id      bigint   not null,
    customer_id    bigint   not null,
    grade          char(1)  not null,
    close_overdue  boolean  not null default false,
    graded_on      date     not null,
    primary key (tenant_id, customer_id),
    constraint fk_prospect_grade_customer foreign key (customer_id) references customer (id) on delete cascade
);
create index ix_prospect_grade on prospect_grade (tenant_id, grade);
