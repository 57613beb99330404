-- The CPA version a message was sent or received under (issue 9), as its node recorded it. NULL when the node did
-- not know it (an older node, or a message stored before the node recorded versions).
ALTER TABLE bank_messages ADD COLUMN cpa_version INTEGER;
