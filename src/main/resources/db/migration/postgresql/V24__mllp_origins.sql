-- Where each message taken in over MLLP came from (issue 8, application acknowledgments): an HL7 answer the partner
-- sends back is matched to its original by MSA-2 (the original's HL7 id), else RefToMessageId, else ConversationId,
-- and handed to the return destination of the route that took the original. Only routes with a return destination
-- record an origin. Additive: older nodes never read it.
CREATE TABLE mllp_origins (
    message_key     VARCHAR(64)   NOT NULL PRIMARY KEY,   -- outbound_messages.id of the original
    hl7_id          VARCHAR(1024),                        -- the original's MSH-10
    conversation_id VARCHAR(1024) NOT NULL,
    route           VARCHAR(1024) NOT NULL,               -- the mllp.routes entry that took it
    return_to       VARCHAR(1024) NOT NULL,               -- the mllp.destinations entry answers go to
    recorded_at     BIGINT        NOT NULL
);
CREATE INDEX mllp_origins_hl7 ON mllp_origins (hl7_id);
CREATE INDEX mllp_origins_conversation ON mllp_origins (conversation_id);
