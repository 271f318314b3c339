-- Issue 15 (defence in depth): a row that names a customer names the customer's company too. Every foreign key to
-- customer becomes (tenant_id, customer_id) -> customer (tenant_id, id), so the database itself refuses a row of
-- one company that points at another company's customer. CompositeTenantKeysTest checks every such key.
alter table customer add constraint uk_customer_tenant_id unique (tenant_id, id);
alter table customer_contact drop foreign key fk_customer_contact_customer;
alter table customer_contact add constraint fk_customer_contact_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table churn_outcome drop foreign key fk_churn_outcome_customer;
alter table churn_outcome add constraint fk_churn_outcome_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table loyalty_entry drop foreign key fk_loyalty_entry_customer;
alter table loyalty_entry add constraint fk_loyalty_entry_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table campaign_member drop foreign key fk_campaign_member_customer;
alter table campaign_member add constraint fk_campaign_member_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table loyalty_redemption drop foreign key fk_loyalty_redemption_customer;
alter table loyalty_redemption add constraint fk_loyalty_redemption_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table revisit_task drop foreign key fk_revisit_task_customer;
alter table revisit_task add constraint fk_revisit_task_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table customer_loyalty_tier drop foreign key fk_customer_loyalty_tier_customer;
alter table customer_loyalty_tier add constraint fk_customer_loyalty_tier_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table customer_tag drop foreign key fk_customer_tag_customer;
alter table customer_tag add constraint fk_customer_tag_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table customer_attribute drop foreign key fk_customer_attribute_customer;
alter table customer_attribute add constraint fk_customer_attribute_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table customer_order drop foreign key fk_customer_order_customer;
alter table customer_order add constraint fk_customer_order_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table always_on_entry drop foreign key fk_always_on_entry_customer;
alter table always_on_entry add constraint fk_always_on_entry_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table marketing_consent drop foreign key fk_marketing_consent_customer;
alter table marketing_consent add constraint fk_marketing_consent_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table unsubscribe_token drop foreign key fk_unsubscribe_token_customer;
alter table unsubscribe_token add constraint fk_unsubscribe_token_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table customer_sales drop foreign key fk_customer_sales_customer;
alter table customer_sales add constraint fk_customer_sales_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
alter table customer_sales_history drop foreign key fk_customer_sales_history_customer;
alter table customer_sales_history add constraint fk_customer_sales_history_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
alter table prospect_grade drop foreign key fk_prospect_grade_customer;
alter table prospect_grade add constraint fk_prospect_grade_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade;
