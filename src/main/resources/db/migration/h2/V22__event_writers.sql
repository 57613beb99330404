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

-- Replies awaited by a node of a cluster (a Pong for its Ping, a StatusResponse for its StatusRequest): an
-- asynchronous reply may reach any node, which leaves it here for the requesting node to collect. Rows go when the
-- request ends; ones a dead node left behind go with the next registration an hour later.
CREATE TABLE pending_replies (
    request_id    VARCHAR(1024) NOT NULL PRIMARY KEY,   -- the MessageId of the request
    node_id       VARCHAR(64)   NOT NULL,
    registered_at BIGINT        NOT NULL,
    replied_at    BIGINT,
    content_type  VARCHAR(4096),
    reply         VARBINARY                        -- the reply as a package (re-encoded on the node that received it)
);
