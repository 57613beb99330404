-- Notices to the application about its outbound messages (issue 4): retries exhausted, waiting for manual handling,
-- MessageId regenerated, failed. One row per notice, for the party the message was sent from; listed and confirmed
-- like the inbox, pushed to the application's webhook when one applies.
CREATE TABLE notices (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind                VARCHAR(32)   NOT NULL,
    message_key         VARCHAR(64),              -- outbound_messages.id when known (no foreign key: notices outlive purges)
    cpa_id              VARCHAR(1024) NOT NULL,
    conversation_id     VARCHAR(1024) NOT NULL,
    message_id          VARCHAR(1024) NOT NULL,   -- the current ebXML MessageId when the notice was written
    message_ids         VARCHAR(8000) NOT NULL,   -- every MessageId the message had then, oldest first, space-separated
    previous_message_id VARCHAR(1024),            -- the id a regeneration replaced
    message_timestamp   BIGINT        NOT NULL,
    hl7_id              VARCHAR(1024),
    from_party_type     VARCHAR(1024) NOT NULL,   -- the application's party: whose notice it is
    from_party_value    VARCHAR(1024) NOT NULL,
    to_party_type       VARCHAR(1024) NOT NULL,
    to_party_value      VARCHAR(1024) NOT NULL,
    service_type        VARCHAR(1024) NOT NULL,
    service_value       VARCHAR(1024) NOT NULL,
    action              VARCHAR(1024) NOT NULL,
    detail              VARCHAR(4000),
    next_attempt_at     BIGINT,                   -- when slow retry tries again, if it does
    created_at          BIGINT        NOT NULL,
    confirmed_at        BIGINT,
    push_attempts       INTEGER       NOT NULL DEFAULT 0,
    next_push_at        BIGINT,                   -- NULL once confirmed, given up, or when pull only
    last_push_error     VARCHAR(4000)
);
CREATE INDEX notices_party ON notices (from_party_type, from_party_value, confirmed_at, created_at);
CREATE INDEX notices_unconfirmed ON notices (confirmed_at, created_at);
CREATE INDEX notices_push ON notices (next_push_at, id);
CREATE INDEX notices_message ON notices (message_key, kind);
