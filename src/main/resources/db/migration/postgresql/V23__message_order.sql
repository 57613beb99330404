-- Ordered delivery (eb:MessageOrder, issue 8). Additive: three new tables, nothing existing changes.

-- Sender: the next SequenceNumber per (CPA, ConversationId), taken in the transaction that stores the message.
CREATE TABLE order_counters (
    cpa_id          VARCHAR(1024) NOT NULL,
    conversation_id VARCHAR(1024) NOT NULL,
    next_number     BIGINT        NOT NULL,
    PRIMARY KEY (cpa_id, conversation_id)
);

-- Receiver: one row per ordered conversation. next_expected is the number whose delivery comes next; in_flight is
-- the message released but not yet delivered (later ones wait behind it). gap_reported_for is the next_expected
-- value an administrator was already told about (one notice per gap).
CREATE TABLE order_streams (
    cpa_id           VARCHAR(1024) NOT NULL,
    conversation_id  VARCHAR(1024) NOT NULL,
    from_party_type  VARCHAR(1024) NOT NULL,
    from_party_value VARCHAR(1024) NOT NULL,
    next_expected    BIGINT        NOT NULL,
    in_flight        VARCHAR(64),
    gap_reported_for BIGINT,
    updated_at       BIGINT        NOT NULL,
    PRIMARY KEY (cpa_id, conversation_id)
);
CREATE INDEX order_streams_in_flight ON order_streams (in_flight);

-- Receiver: a received message waiting for its turn, and the deliveries it gets once released.
CREATE TABLE order_held (
    message_key     VARCHAR(64)   NOT NULL PRIMARY KEY,
    cpa_id          VARCHAR(1024) NOT NULL,
    conversation_id VARCHAR(1024) NOT NULL,
    sequence_number BIGINT        NOT NULL,
    reset           BOOLEAN       NOT NULL,
    held_at         BIGINT        NOT NULL
);
CREATE INDEX order_held_stream ON order_held (cpa_id, conversation_id, sequence_number);

CREATE TABLE order_held_deliveries (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    message_key VARCHAR(64)   NOT NULL,
    party_type  VARCHAR(1024) NOT NULL,
    party_value VARCHAR(1024) NOT NULL,
    push        BOOLEAN       NOT NULL
);
CREATE INDEX order_held_deliveries_message ON order_held_deliveries (message_key);
