-- ebrelay message store, PostgreSQL twin of h2/V1 (same tables; byte columns are BYTEA). Instants are BIGINT epoch
-- milliseconds (UTC), as in H2.
-- Party and service types are '' when untyped, so that equality and indexes work without NULL logic.
-- State columns hold the enum names of OutboundState / InboundState.

CREATE TABLE outbound_messages (
    id                    VARCHAR(64)   NOT NULL PRIMARY KEY,
    cpa_id                VARCHAR(1024) NOT NULL,
    conversation_id       VARCHAR(1024) NOT NULL,
    message_id            VARCHAR(1024) NOT NULL,   -- current ebXML MessageId, also in outbound_message_ids
    message_timestamp     BIGINT        NOT NULL,   -- eb:Timestamp of the current MessageId
    time_to_live          BIGINT,
    deliver_by            BIGINT,                   -- the sender's local deadline
    hl7_id                VARCHAR(1024),
    from_party_type       VARCHAR(1024) NOT NULL,
    from_party_value      VARCHAR(1024) NOT NULL,
    to_party_type         VARCHAR(1024) NOT NULL,
    to_party_value        VARCHAR(1024) NOT NULL,
    service_type          VARCHAR(1024) NOT NULL,
    service_value         VARCHAR(1024) NOT NULL,
    action                VARCHAR(1024) NOT NULL,
    ack_requested         BOOLEAN       NOT NULL,
    duplicate_elimination BOOLEAN       NOT NULL,
    sync_reply            BOOLEAN       NOT NULL,
    retries               INTEGER       NOT NULL,
    retry_interval_ms     BIGINT        NOT NULL,
    persist_duration_ms   BIGINT,
    endpoint_url          VARCHAR(4096) NOT NULL,
    content_type          VARCHAR(4096) NOT NULL,
    soap_action           VARCHAR(1024) NOT NULL,
    wire                  BYTEA         NOT NULL,   -- the package exactly as sent (RM-S1, RM-S3)
    state                 VARCHAR(16)   NOT NULL,
    next_attempt_at       BIGINT,                   -- due time; NULL in MANUAL and final states
    attempts              INTEGER       NOT NULL DEFAULT 0,
    sequence_attempts     INTEGER       NOT NULL DEFAULT 0,   -- attempts in the current ebXML retry sequence
    last_attempt_end      BIGINT,
    last_attempt_delivered BOOLEAN      NOT NULL DEFAULT FALSE,
    claim_node            VARCHAR(128),             -- the node holding the claim while SENDING
    claim_until           BIGINT,                   -- end of the claim lease
    last_reason           VARCHAR(4000),
    created_at            BIGINT        NOT NULL,
    updated_at            BIGINT        NOT NULL
);
-- claimDue and nextDueTime: a range scan over due times only, in claim order, so the cost of a wake-up grows with
-- what is due, not with what waits. next_attempt_at is NULL exactly in MANUAL and the final states.
CREATE INDEX outbound_due ON outbound_messages (next_attempt_at, id);
-- lists and counts by state; releaseClaims (state = 'SENDING': only the messages in flight)
CREATE INDEX outbound_state ON outbound_messages (state, created_at);
CREATE INDEX outbound_hl7 ON outbound_messages (hl7_id);
-- No index on (claim_node, claim_until): a claim's lease end is its next_attempt_at, so outbound_due serves
-- claimDue, and releaseClaims looks only at SENDING rows through outbound_state.

-- Every ebXML MessageId an outbound message has had (issue 4 regenerates ids); acks match any of them.
CREATE TABLE outbound_message_ids (
    message_id        VARCHAR(1024) NOT NULL PRIMARY KEY,
    message_key       VARCHAR(64)   NOT NULL REFERENCES outbound_messages (id),
    ordinal           INTEGER       NOT NULL,   -- 1 for the first id
    message_timestamp BIGINT        NOT NULL,
    assigned_at       BIGINT        NOT NULL,
    CONSTRAINT outbound_message_ids_order UNIQUE (message_key, ordinal)
);

CREATE TABLE inbound_messages (
    id                    VARCHAR(64)   NOT NULL PRIMARY KEY,
    cpa_id                VARCHAR(1024) NOT NULL,
    conversation_id       VARCHAR(1024) NOT NULL,
    message_id            VARCHAR(1024) NOT NULL,   -- not unique: without DuplicateElimination every copy is kept
    message_timestamp     BIGINT        NOT NULL,
    hl7_id                VARCHAR(1024),
    from_party_type       VARCHAR(1024) NOT NULL,
    from_party_value      VARCHAR(1024) NOT NULL,
    to_party_type         VARCHAR(1024) NOT NULL,
    to_party_value        VARCHAR(1024) NOT NULL,
    service_type          VARCHAR(1024) NOT NULL,
    service_value         VARCHAR(1024) NOT NULL,
    action                VARCHAR(1024) NOT NULL,
    duplicate_elimination BOOLEAN       NOT NULL,
    content_type          VARCHAR(4096) NOT NULL,
    wire                  BYTEA         NOT NULL,   -- the package as received
    state                 VARCHAR(16)   NOT NULL,
    last_reason           VARCHAR(4000),
    received_at           BIGINT        NOT NULL,
    updated_at            BIGINT        NOT NULL
);
CREATE INDEX inbound_message_id ON inbound_messages (message_id, cpa_id, received_at);
CREATE INDEX inbound_hl7 ON inbound_messages (hl7_id);
CREATE INDEX inbound_state ON inbound_messages (state, received_at);

-- MessageIds remembered for duplicate elimination until remember_until (RM-R2..R4, RM-R7).
CREATE TABLE received_ids (
    cpa_id             VARCHAR(1024) NOT NULL,
    message_id         VARCHAR(1024) NOT NULL,
    message_key        VARCHAR(64)   NOT NULL REFERENCES inbound_messages (id),
    content_digest     BYTEA NOT NULL,
    reply_content_type VARCHAR(4096),
    reply              BYTEA,                -- the Acknowledgment or error we answered with, replayed to duplicates
    remember_until     BIGINT        NOT NULL,
    PRIMARY KEY (cpa_id, message_id)
);
CREATE INDEX received_ids_expiry ON received_ids (remember_until);

-- One delivery per received message and party we act for; webhook push bookkeeping on the same row.
CREATE TABLE deliveries (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    message_key     VARCHAR(64)   NOT NULL REFERENCES inbound_messages (id),
    party_type      VARCHAR(1024) NOT NULL,
    party_value     VARCHAR(1024) NOT NULL,
    created_at      BIGINT        NOT NULL,
    confirmed_at    BIGINT,
    push_attempts   INTEGER       NOT NULL DEFAULT 0,
    next_push_at    BIGINT,
    last_push_error VARCHAR(4000)
);
CREATE INDEX deliveries_party ON deliveries (party_type, party_value, confirmed_at, created_at);
CREATE INDEX deliveries_unconfirmed ON deliveries (confirmed_at, created_at);
CREATE INDEX deliveries_message ON deliveries (message_key);
CREATE INDEX deliveries_push ON deliveries (next_push_at, id);   -- NULL once confirmed or given up

-- Message history; seq increases in commit order on one node (group commit has a single writer).
CREATE TABLE message_events (
    seq         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    message_key VARCHAR(64)   NOT NULL,
    direction   VARCHAR(8)    NOT NULL,
    event_time  BIGINT        NOT NULL,
    event_type  VARCHAR(32)   NOT NULL,
    from_state  VARCHAR(16),
    to_state    VARCHAR(16),
    detail      VARCHAR(4000)
);
CREATE INDEX message_events_message ON message_events (message_key, seq);
