-- Issue 7, the bank fed by every node of a cluster exactly once. Each event records the node that wrote it
-- (message_events.node_id), and event_writers lists the nodes that write to this database: where each one's part
-- of the log starts, and which live node ships a dead node's remaining part to the bank (shipped_by: a
-- compare-and-set takes it over; NULL: the node ships its own). Additive (rolling-upgrade rule): a node of the
-- release before writes events without a node, which count as the shipping node's own, as they always did.
-- On H2 (one node on its own) node_id stays NULL: the node ships the whole log, as before.
ALTER TABLE message_events ADD COLUMN node_id VARCHAR(64);
CREATE TABLE event_writers (
    node_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    start_seq     BIGINT      NOT NULL,   -- every event of the node has a higher seq (it registered before writing)
    registered_at BIGINT      NOT NULL,
    shipped_by    VARCHAR(64),
    taken_at      BIGINT
);
