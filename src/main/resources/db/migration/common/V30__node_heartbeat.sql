-- Each application node writes its heartbeat here every few seconds. A recompute left RUNNING by a node whose
-- heartbeat went stale (the node was killed) is marked FAILED by any living node.
create table node_heartbeat (
    node        varchar(100) not null primary key,
    started_at  datetime(6)  not null,
    beat_at     datetime(6)  not null
);
