-- Sample data (issue 17, item 5): a company can try TierPilot with generated customers and orders, loaded into its
-- own tenant and removed in one click. Sample customers are marked; everything hanging off them goes with them.
alter table customer add column sample boolean not null default false;
create index ix_customer_sample on customer (tenant_id, sample);

-- The sample loaded into a company: when (runs started since then scored it), and how much.
create table sample_data (
    tenant_id   bigint      not null primary key,
    loaded_at   datetime(6) not null,
    customers   int         not null,
    orders      int         not null,
    constraint fk_sample_data_tenant foreign key (tenant_id) references tenant (id)
);
