-- The getting-started panel of the dashboard (issue 17, item 5): what a company has ticked off or waved away. The
-- other steps (data imported, first recompute) are read from the data itself.
create table getting_started (
    tenant_id           bigint      not null,
    criteria_checked_at datetime(6) null,
    dismissed_at        datetime(6) null,
    primary key (tenant_id),
    constraint fk_getting_started_tenant foreign key (tenant_id) references tenant (id)
);
