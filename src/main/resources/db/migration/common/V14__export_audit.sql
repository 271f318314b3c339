-- Who exported which customers, when: an export carries personal data out of TierPilot.
create table export_audit (
    id           bigint auto_increment primary key,
    tenant_id    bigint        not null,
    user_id      bigint        not null,
    exported_at  datetime(6)   not null,
    format       varchar(10)   not null,
    filter       varchar(1000) not null,
    row_count    bigint        not null,
    constraint fk_export_audit_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_export_audit_user foreign key (user_id) references user_account (id)
);
create index ix_export_audit_tenant on export_audit (tenant_id, exported_at);
