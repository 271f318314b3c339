-- Issue 21, the customer grid at any depth: every filtered, sorted page of the customer list is a range of about 50
-- entries of one index (plus the walk to its offset) and 50 primary-key lookups, for every filter kind and sort
-- (code; name, id; region, city, id; created on, id, in either direction).
--
-- A filter on the customer's own columns is served by the customer table's indexes: region by ix_customer_region*
-- (V19), an account manager (or "none") by one index per sort order here.
create index ix_customer_manager_code on customer (tenant_id, account_manager_id, code);
create index ix_customer_manager_name on customer (tenant_id, account_manager_id, name);
create index ix_customer_manager_region on customer (tenant_id, account_manager_id, region, city);
create index ix_customer_manager_created on customer (tenant_id, account_manager_id, created_on);

-- A tag is served by its rows: each carries a copy of its customer's sort keys, kept by the customer module in the
-- transaction of every change of a name, region, city or creation date (CustomerListKeys), and an index per sort
-- order. ix_customer_tag_tag (tenant, tag, customer) is replaced by them (each starts with tenant and tag and ends
-- with the customer's id).
alter table customer_tag add column code varchar(64) null;
alter table customer_tag add column name varchar(200) null;
alter table customer_tag add column region varchar(100) null;
alter table customer_tag add column city varchar(100) null;
alter table customer_tag add column created_on date null;
update customer_tag
   set code = (select c.code from customer c where c.tenant_id = customer_tag.tenant_id and c.id = customer_tag.customer_id),
       name = (select c.name from customer c where c.tenant_id = customer_tag.tenant_id and c.id = customer_tag.customer_id),
       region = (select c.region from customer c where c.tenant_id = customer_tag.tenant_id and c.id = customer_tag.customer_id),
       city = (select c.city from customer c where c.tenant_id = customer_tag.tenant_id and c.id = customer_tag.customer_id),
       created_on = (select c.created_on from customer c where c.tenant_id = customer_tag.tenant_id and c.id = customer_tag.customer_id);
create index ix_customer_tag_code on customer_tag (tenant_id, tag, code);
create index ix_customer_tag_name on customer_tag (tenant_id, tag, name, customer_id);
create index ix_customer_tag_region on customer_tag (tenant_id, tag, region, city, customer_id);
create index ix_customer_tag_created on customer_tag (tenant_id, tag, created_on, customer_id);

-- A segment (RFM, ABC, lifecycle, rule) is served by its members per run, each with a copy of the customer's sort
-- keys, written by the recompute with the run and kept in step with the customers by segmentation when the customer
-- module reports changed sort keys, in the same transaction. Every sort index carries the region after the customer
-- id, so that region + segment is a walk of index entries without row lookups.
create table segment_list_entry (
    tenant_id    bigint       not null,
    run_id       bigint       not null,
    customer_id  bigint       not null,
    scheme       varchar(10)  not null,
    segment      varchar(40)  not null,
    code         varchar(64)  not null,
    name         varchar(200) null,
    region       varchar(100) null,
    city         varchar(100) null,
    created_on   date         not null,
    primary key (tenant_id, run_id, customer_id, scheme, segment)
);
create index ix_segment_list_code on segment_list_entry (tenant_id, run_id, scheme, segment, code, region);
create index ix_segment_list_name on segment_list_entry (tenant_id, run_id, scheme, segment, name, customer_id, region);
create index ix_segment_list_region on segment_list_entry (tenant_id, run_id, scheme, segment, region, city, customer_id);
create index ix_segment_list_created on segment_list_entry (tenant_id, run_id, scheme, segment, created_on, customer_id, region);

-- The current runs' members, so that the list works at once after the upgrade.
insert into segment_list_entry (tenant_id, run_id, customer_id, scheme, segment, code, name, region, city, created_on)
select s.tenant_id, s.run_id, s.customer_id, 'RFM', s.rfm_segment, c.code, c.name, c.region, c.city, c.created_on
  from customer_segment s
  join segmentation_state st on st.tenant_id = s.tenant_id and st.current_run_id = s.run_id
  join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
 where s.rfm_segment is not null;
insert into segment_list_entry (tenant_id, run_id, customer_id, scheme, segment, code, name, region, city, created_on)
select s.tenant_id, s.run_id, s.customer_id, 'ABC', s.abc_tier, c.code, c.name, c.region, c.city, c.created_on
  from customer_segment s
  join segmentation_state st on st.tenant_id = s.tenant_id and st.current_run_id = s.run_id
  join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id
 where s.abc_tier is not null;
insert into segment_list_entry (tenant_id, run_id, customer_id, scheme, segment, code, name, region, city, created_on)
select s.tenant_id, s.run_id, s.customer_id, 'LIFECYCLE', s.lifecycle, c.code, c.name, c.region, c.city, c.created_on
  from customer_segment s
  join segmentation_state st on st.tenant_id = s.tenant_id and st.current_run_id = s.run_id
  join customer c on c.tenant_id = s.tenant_id and c.id = s.customer_id;
insert into segment_list_entry (tenant_id, run_id, customer_id, scheme, segment, code, name, region, city, created_on)
select m.tenant_id, m.run_id, m.customer_id, 'RULE', r.seg_key, c.code, c.name, c.region, c.city, c.created_on
  from rule_segment_member m
  join segmentation_state st on st.tenant_id = m.tenant_id and st.current_run_id = m.run_id
  join rule_segment r on r.tenant_id = m.tenant_id and r.id = m.segment_id
  join customer c on c.tenant_id = m.tenant_id and c.id = m.customer_id;
