-- The weekly churn summary e-mailed to the owners: one row per company and week, written before the mail goes out,
-- so that a night run twice (or on two nodes) mails once.
create table churn_summary_mail (
    tenant_id  bigint      not null,
    week_of    date        not null,
    sent_at    datetime(6) not null,
    primary key (tenant_id, week_of),
    constraint fk_churn_summary_mail_tenant foreign key (tenant_id) references tenant (id)
);
