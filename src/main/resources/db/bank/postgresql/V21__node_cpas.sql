-- The CPAs each node serves (issue 9, the portal's CPA view). CPAs live on the nodes; each node tells the bank its
-- whole set when it changes (over the node channel: the bank never calls a node). One row per (node, CPA): the
-- latest the node said. A CPA the node no longer reports is kept as WITHDRAWN.
CREATE TABLE bank_cpas (
    node_id        VARCHAR(64)   NOT NULL,
    cpa_id         VARCHAR(1024) NOT NULL,
    state          VARCHAR(16)   NOT NULL,   -- ACTIVE, REJECTED_EDIT, EXPIRING, EXPIRED, WITHDRAWN
    version_number INTEGER       NOT NULL,   -- the version in force on the node
    checksum       VARCHAR(64),              -- SHA-256 of that version's file
    reported_at    BIGINT        NOT NULL,   -- when the bank last heard of it from the node
    view_json      TEXT          NOT NULL,   -- the node's CPA view (JSON), served as it came
    CONSTRAINT bank_cpas_pk PRIMARY KEY (node_id, cpa_id)
);
