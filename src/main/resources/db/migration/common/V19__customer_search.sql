-- The customer list's search box, served from indexes rather than by reading every customer:
-- * code, phone and e-mail match from their start (code: the unique index; phone: ix_customer_phone);
-- * a phone also matches on its last four digits (phone_tail), as shop staff ask for them;
-- * a name matches anywhere. Most names (Chinese personal names) have two to four characters: any part of such a
--   name is the start of the name or of the name from its 2nd, 3rd or 4th character, each indexed. Longer names
--   are copied into name_long, whose index is read on its own, so only the long names are scanned.
-- Generated columns keep themselves in step with every write, imports included.
alter table customer add column name_from2 varchar(200) generated always as (substring(name, 2));
alter table customer add column name_from3 varchar(200) generated always as (substring(name, 3));
alter table customer add column name_from4 varchar(200) generated always as (substring(name, 4));
alter table customer add column name_long varchar(200)
    generated always as (case when char_length(name) > 4 then name end);
alter table customer add column phone_tail varchar(4) generated always as (right(phone, 4));
create index ix_customer_name_from2 on customer (tenant_id, name_from2);
create index ix_customer_name_from3 on customer (tenant_id, name_from3);
create index ix_customer_name_from4 on customer (tenant_id, name_from4);
create index ix_customer_name_long on customer (tenant_id, name_long);
create index ix_customer_phone_tail on customer (tenant_id, phone_tail);
create index ix_customer_email on customer (tenant_id, email);

-- A region is the filter account managers use most: one index per sort order within a region, so that a page of a
-- region (also with a segment filter) walks that region's customers in the list's order and stops after the page.
create index ix_customer_region_code on customer (tenant_id, region, code);
create index ix_customer_region_name on customer (tenant_id, region, name);
create index ix_customer_region_created on customer (tenant_id, region, created_on);
