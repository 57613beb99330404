-- The package as sent moves to a table of its own, written once per MessageId. H2 rewrites a whole row (its page)
-- on every update, and an outbound message is updated two or more times per attempt (claim, outcome): with the
-- 2 KB+ package in the row, most of the bytes each commit serialises were the package, again and again.
CREATE TABLE outbound_wire (
    message_key  VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES outbound_messages (id),
    content_type VARCHAR(4096) NOT NULL,
    wire         BYTEA         NOT NULL   -- the package exactly as sent (RM-S1, RM-S3); replaced on regeneration
);
INSERT INTO outbound_wire (message_key, content_type, wire) SELECT id, content_type, wire FROM outbound_messages;
ALTER TABLE outbound_messages DROP COLUMN wire;
ALTER TABLE outbound_messages DROP COLUMN content_type;
