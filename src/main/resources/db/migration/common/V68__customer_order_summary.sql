-- Issue 21: one row per customer with at least one order, kept in the transaction of every order write (the import
-- merge, the REST order batch with its refunds, the sample data's load and removal). It holds what the scores need
-- of a customer's whole history; a recompute as of a date D can take it instead of the orders when the customer's
-- orders (cancellations aside) all lie before D: first_active and last_active tell whether they all lie inside a
-- window [D - W, D - 1] (the window's figures are then the lifetime ones) or all before it (then the window is empty).
--   first_order, last_order, orders: the customer's completed orders (purchases);
--   revenue: the net amount of its completed orders and refunds (cancellations count for nothing);
--   first_active, last_active: the first and last date of an order that is not cancelled.
create table customer_order_summary (
    tenant_id    bigint        not null,
    customer_id  bigint        not null,
    first_order  date          null,
    last_order   date          null,
    orders       int           not null,
    revenue      decimal(16,2) not null,
    first_active date          null,
    last_active  date          null,
    primary key (tenant_id, customer_id),
    constraint fk_customer_order_summary_customer foreign key (tenant_id, customer_id)
        references customer (tenant_id, id)
);

insert into customer_order_summary (tenant_id, customer_id, first_order, last_order, orders, revenue, first_active,
                                    last_active)
select tenant_id, customer_id,
       min(case when status = 'COMPLETED' then order_date end),
       max(case when status = 'COMPLETED' then order_date end),
       sum(case when status = 'COMPLETED' then 1 else 0 end),
       sum(case when status <> 'CANCELLED' then amount else 0 end),
       min(case when status <> 'CANCELLED' then order_date end),
       max(case when status <> 'CANCELLED' then order_date end)
  from customer_order
 group by tenant_id, customer_id;
