-- Issue 21: the order summary also holds each customer's figures for the company's summary window, so that a
-- recompute as of today reads one summary row per customer instead of every order.
--   order_summary_window.window_start: the first day of the company's summary window; a recompute as of today D
--     slides it to D - W (the scores' window [D - W, D - 1]), refreshing only the customers with an order dated
--     between the old and the new start.
--   window_orders: the customer's completed orders dated on or after window_start;
--   window_revenue: the net amount of its orders that are not cancelled, dated on or after window_start.
-- The last completed order in the window needs no column: it is last_order when last_order >= window_start.
-- Every company starts with the window 1000-01-01 (so the window's figures are the lifetime ones); a company
-- created later gets that row at its first order write. Its first recompute as of today slides the window once
-- over all its customers with older orders; from then on a night moves it by a day.
alter table customer_order_summary add column window_orders int not null default 0;
alter table customer_order_summary add column window_revenue decimal(16,2) not null default 0;

create table order_summary_window (
    tenant_id    bigint not null primary key,
    window_start date   not null,
    constraint fk_order_summary_window_tenant foreign key (tenant_id) references tenant (id)
);

insert into order_summary_window (tenant_id, window_start)
select id, date '1000-01-01' from tenant;

update customer_order_summary set window_orders = orders, window_revenue = revenue;
