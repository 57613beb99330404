-- The package we sent under a MessageId that a regeneration (issue 4) replaced, kept so that a partner's signed
-- Acknowledgment arriving late for the old id can still be compared with the digests we signed under it (ACK-8).
-- Written only on regeneration, never on the send path.
CREATE TABLE superseded_wire (
    message_id   VARCHAR(1024) NOT NULL PRIMARY KEY,
    message_key  VARCHAR(64)   NOT NULL REFERENCES outbound_messages (id),
    content_type VARCHAR(4096) NOT NULL,
    wire         BYTEA         NOT NULL
);
