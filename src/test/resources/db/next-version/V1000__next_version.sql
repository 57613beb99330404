-- A stand-in for the next release's migration, written by the rolling-upgrade rule (docs/deployment.md): it only
-- adds (a nullable column, a table, an index), so the release before it keeps working on the migrated schema.
ALTER TABLE outbound_messages ADD COLUMN priority INTEGER;
CREATE TABLE partner_statistics (
    endpoint_url VARCHAR(4096) NOT NULL PRIMARY KEY,
    messages_sent BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX outbound_priority ON outbound_messages (priority);
