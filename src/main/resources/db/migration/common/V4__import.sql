-- Imports of customers, orders and order lines (CSV/XLSX).

-- One import: who, which file, how it went, and its counts. Progress is written while it runs, so that the user can
-- leave the page and come back.
create table import_run (
    id                 bigint auto_increment primary key,
    tenant_id          bigint        not null,
    user_id            bigint        not null,
    file_name          varchar(255)  not null,
    file_size          bigint        not null,
    kind               varchar(20)   not null,
    status             varchar(20)   not null,
    phase              varchar(20)   not null,
    started_at         datetime(6)   not null,
    finished_at        datetime(6)   null,
    rows_read          int           not null default 0,
    rows_rejected      int           not null default 0,
    customers_created  int           not null default 0,
    customers_updated  int           not null default 0,
    orders_created     int           not null default 0,
    orders_updated     int           not null default 0,
    progress_permille  int           not null default 0,
    heartbeat_at       datetime(6)   not null,
    rejections_by_reason varchar(2000) null,
    error_key          varchar(120)  null,
    error_detail       varchar(1000) null,
    settings           varchar(4000) not null,
    constraint uk_import_run_tenant unique (tenant_id, id),
    constraint fk_import_run_tenant foreign key (tenant_id) references tenant (id)
);
create index ix_import_run_started on import_run (tenant_id, started_at);

-- Rows that were not imported, with their reason; downloadable as CSV.
create table import_rejection (
    tenant_id  bigint        not null,
    run_id     bigint        not null,
    line_no    int           not null,
    reason     varchar(40)   not null,
    field      varchar(40)   null,
    detail     varchar(500)  null,
    raw_values varchar(2000) null,
    primary key (tenant_id, run_id, line_no, reason)
);

-- The column mapping a tenant chose for a file layout (the file's header row), remembered for the next import.
create table import_mapping (
    tenant_id    bigint        not null,
    layout_hash  char(64)      not null,
    kind         varchar(20)   not null,
    settings     varchar(4000) not null,
    updated_at   datetime(6)   not null,
    primary key (tenant_id, layout_hash, kind)
);

-- Staging: rows parsed from the file, before the single transaction that merges them. Never read by any screen.
create table import_stage_customer (
    tenant_id           bigint       not null,
    run_id              bigint       not null,
    line_no             int          not null,
    code                varchar(64)  not null,
    name                varchar(200) null,
    phone               varchar(40)  null,
    email               varchar(254) null,
    gender              char(1)      null,
    birthday            date         null,
    region              varchar(100) null,
    city                varchar(100) null,
    industry            varchar(100) null,
    company_size        varchar(40)  null,
    source_channel      varchar(60)  null,
    account_manager_id  bigint       null,
    created_on          date         null,
    marketing_consent   boolean      null,
    primary key (tenant_id, run_id, line_no)
);

create table import_stage_tag (
    tenant_id      bigint      not null,
    run_id         bigint      not null,
    line_no        int         not null,
    customer_code  varchar(64) not null,
    tag            varchar(60) not null,
    primary key (tenant_id, run_id, line_no, tag)
);

create table import_stage_attribute (
    tenant_id      bigint       not null,
    run_id         bigint       not null,
    line_no        int          not null,
    customer_code  varchar(64)  not null,
    name           varchar(60)  not null,
    attr_value     varchar(500) null,
    primary key (tenant_id, run_id, line_no, name)
);

-- Orders, or order lines (several rows with one order number form one order). For order lines, amount is the line
-- total (quantity times unit price); consecutive lines of one order and customer arrive already summed up, with the
-- file rows they came from in line_list.
create table import_stage_line (
    tenant_id      bigint        not null,
    run_id         bigint        not null,
    line_no        int           not null,
    order_no       varchar(64)   not null,
    customer_code  varchar(64)   not null,
    ordered_at     datetime      not null,
    amount         decimal(18,4) not null,
    quantity       int           not null,
    category       varchar(100)  null,
    channel        varchar(60)   null,
    status         varchar(12)   null,
    region         varchar(100)  null,
    line_list      varchar(2000) null,
    primary key (tenant_id, run_id, line_no)
);

-- One row per order of the run, after grouping the lines.
create table import_stage_order (
    tenant_id      bigint        not null,
    run_id         bigint        not null,
    order_no       varchar(64)   not null,
    customer_code  varchar(64)   not null,
    ordered_at     datetime      not null,
    amount         decimal(14,2) not null,
    quantity       int           not null,
    category       varchar(100)  null,
    channel        varchar(60)   null,
    status         varchar(12)   not null,
    region         varchar(100)  null,
    first_line     int           not null,
    customers      int           not null,
    primary key (tenant_id, run_id, order_no)
);
