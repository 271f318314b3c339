-- Issue 15 (defence in depth), as V59 for the ownership and pool tables of V54: their foreign keys to customer
-- carry the company too.
alter table customer_owner_change drop foreign key fk_owner_change_customer;
alter table customer_owner_change add constraint fk_owner_change_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table customer_followup_log drop foreign key fk_followup_log_customer;
alter table customer_followup_log add constraint fk_followup_log_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table pool_return_notice drop foreign key fk_pool_notice_customer;
alter table pool_return_notice add constraint fk_pool_notice_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table pool_watch drop foreign key fk_pool_watch_customer;
alter table pool_watch add constraint fk_pool_watch_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
