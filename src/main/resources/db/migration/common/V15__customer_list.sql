-- The customer list sorts by the date a customer joined, and finds customers by phone.
create index ix_customer_created on customer (tenant_id, created_on);
create index ix_customer_phone on customer (tenant_id, phone);
