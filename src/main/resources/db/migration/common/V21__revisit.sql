-- Revisit (follow-up) plans and the tasks the nightly pipeline creates from them for the account managers.

-- A plan: whom (a segment of the current run, or everyone for a greeting), how often (a cadence, or a birthday or a
-- holiday once a year), how (channel, script) and how urgently (priority 1 high to 3 low).
create table revisit_plan (
    id             bigint auto_increment primary key,
    tenant_id      bigint        not null,
    name           varchar(120)  not null,
    kind           varchar(12)   not null,
    scheme         varchar(12)   null,
    segment        varchar(60)   null,
    cadence        varchar(15)   null,
    every_days     int           null,
    holiday_month  int           null,
    holiday_day    int           null,
    channel        varchar(10)   not null,
    script         varchar(2000) null,
    priority       int           not null,
    active         boolean       not null default true,
    created_at     datetime(6)   not null,
    updated_at     datetime(6)   not null,
    version        int           not null default 0,
    constraint fk_revisit_plan_tenant foreign key (tenant_id) references tenant (id)
);
create index ix_revisit_plan_tenant on revisit_plan (tenant_id, active);

-- A task: one contact a manager (or, without one, the unassigned queue) owes a customer under a plan. At most one
-- open task per customer and plan: open_plan is the plan while the task is open, and unique with the customer.
create table revisit_task (
    id           bigint auto_increment primary key,
    tenant_id    bigint        not null,
    customer_id  bigint        not null,
    plan_id      bigint        not null,
    manager_id   bigint        null,
    due_on       date          not null,
    channel      varchar(10)   not null,
    priority     int           not null,
    status       varchar(10)   not null,
    open_plan    bigint        generated always as (case when status = 'OPEN' then plan_id end),
    outcome      varchar(12)   null,
    note         varchar(1000) null,
    next_on      date          null,
    done_on      date          null,
    done_by      bigint        null,
    done_at      datetime(6)   null,
    created_at   datetime(6)   not null,
    constraint uk_revisit_task_open unique (tenant_id, customer_id, open_plan),
    constraint fk_revisit_task_tenant foreign key (tenant_id) references tenant (id),
    constraint fk_revisit_task_customer foreign key (customer_id) references customer (id),
    constraint fk_revisit_task_plan foreign key (plan_id) references revisit_plan (id)
);
create index ix_revisit_task_manager on revisit_task (tenant_id, status, manager_id, due_on);
create index ix_revisit_task_customer on revisit_task (tenant_id, customer_id, status, done_at);
create index ix_revisit_task_plan on revisit_task (tenant_id, plan_id, status);
