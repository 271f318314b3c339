-- Issue 19 (defence in depth), as V59 for the tables before it: the outbox's messages name their customer with the
-- company, (tenant_id, customer_id) -> customer (tenant_id, id), so the database refuses a message of one company to
-- another company's customer. Messages of customers that are gone (sample customers removed before the sample's
-- removal took the outbox along) and their tracked links go first: they could never be sent.
delete from tracked_link where message_id in (select m.id from outbox_message m where not exists
    (select 1 from customer c where c.tenant_id = m.tenant_id and c.id = m.customer_id));
delete from outbox_message where not exists
    (select 1 from customer c where c.tenant_id = outbox_message.tenant_id and c.id = outbox_message.customer_id);
alter table outbox_message add constraint fk_outbox_message_tenant_customer foreign key (tenant_id, customer_id) references customer (tenant_id, id);
