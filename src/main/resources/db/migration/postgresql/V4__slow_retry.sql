-- Slow retry (issue 4): how many slow-retry wake-ups a message has had. A claim from SLOW_RETRY raises it and starts
-- a fresh ebXML retry sequence (sequence_attempts back to 1). The due index outbound_due serves slow retry as is.
ALTER TABLE outbound_messages ADD COLUMN slow_retry_rounds INTEGER NOT NULL DEFAULT 0;
