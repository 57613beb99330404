-- Every CPA version a node has activated (issue 9, CPA administration): numbered from 1 per CPAId, with the time it
-- was first activated, the SHA-256 of the file and the document itself, so that `ebrelay cpa history` can show what
-- changed between any two versions. A message was handled under the last version activated at or before it.
CREATE TABLE cpa_versions (
    cpa_id         VARCHAR(1024) NOT NULL,
    version_number INTEGER       NOT NULL,
    activated_at   BIGINT        NOT NULL,
    checksum       VARCHAR(64)   NOT NULL,
    file_name      VARCHAR(1024) NOT NULL,
    document       TEXT          NOT NULL,
    CONSTRAINT cpa_versions_pk PRIMARY KEY (cpa_id, version_number)
);
