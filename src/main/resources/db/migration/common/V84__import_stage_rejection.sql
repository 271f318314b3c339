-- Issue 15: importing becomes a module of its own. The customer module's merge of a staged run no longer writes the
-- importing module's import_rejection: it hands the lines it turns away (a repeated customer code or order number,
-- an order whose lines name more than one customer) back in this staging table, which it owns and publishes, and the
-- importing module copies them into its report in the merge's transaction. Cleared with the run's other staged rows.
create table import_stage_rejection (
    tenant_id  bigint       not null,
    run_id     bigint       not null,
    line_no    int          not null,
    reason     varchar(40)  not null,
    field      varchar(40)  null,
    detail     varchar(500) null,
    primary key (tenant_id, run_id, line_no, reason)
);
