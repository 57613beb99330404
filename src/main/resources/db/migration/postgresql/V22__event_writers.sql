-- Twin of h2/V22 (issue 7: the bank fed by every node of a cluster exactly once). Each event records the node
-- that wrote it: every connection of a node's pool carries the setting ebrelay.node_id (set in the connection's
-- options), and the column's default reads it, so the statements that append events stay as they were. The column
-- is added first and given its default after, so existing rows keep NULL (they count as the shipping node's own,
-- as they always did). A node of the release before sets nothing: its events get NULL too. Additive.
ALTER TABLE message_events ADD COLUMN node_id VARCHAR(64);
ALTER TABLE message_events ALTER COLUMN node_id SET DEFAULT NULLIF(current_setting('ebrelay.node_id', true), '');
CREATE TABLE event_writers (
    node_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    start_seq     BIGINT      NOT NULL,   -- every event of the node has a higher seq (it registered before writing)
    registered_at BIGINT      NOT NULL,
    shipped_by    VARCHAR(64),            -- NULL: the node ships its own part; else the live node that took it over
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
    reply         BYTEA                        -- the reply as a package (re-encoded on the node that received it)
);
