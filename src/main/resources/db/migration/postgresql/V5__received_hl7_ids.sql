-- HL7-level duplicate protection at the receiver (issue 4): the HL7 ids received from each partner under each CPA,
-- remembered for reliability.hl7DuplicateWindow. A regenerated or manually resent message carries a new ebXML
-- MessageId; its HL7 id tells that it was received before. The lookup is one probe of the primary key.
CREATE TABLE received_hl7_ids (
    cpa_id           VARCHAR(1024) NOT NULL,
    from_party_type  VARCHAR(1024) NOT NULL,   -- '' when untyped, as in the message tables
    from_party_value VARCHAR(1024) NOT NULL,
    hl7_id           VARCHAR(1024) NOT NULL,
    message_key      VARCHAR(64)   NOT NULL REFERENCES inbound_messages (id),   -- the copy that was delivered
    remember_until   BIGINT        NOT NULL,
    PRIMARY KEY (cpa_id, from_party_type, from_party_value, hl7_id)
);
-- the sweep's purge reads the expired range only
CREATE INDEX received_hl7_ids_expiry ON received_hl7_ids (remember_until);
