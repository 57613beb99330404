-- Operator actions done through a node's own API or CLI (issue 6) reach the portal's audit log with the node they
-- were done on; (node, node_note) is the node's id for the entry, so a batch shipped twice is stored once.
ALTER TABLE portal_audit ADD COLUMN node VARCHAR(64);
ALTER TABLE portal_audit ADD COLUMN node_note BIGINT;
CREATE UNIQUE INDEX portal_audit_by_node_note ON portal_audit (node, node_note);
ALTER TABLE portal_audit ALTER COLUMN subject SET DATA TYPE VARCHAR(1024);  -- a message's ebXML MessageId
