-- The CPA version a message was sent or received under (issue 9): the number of its row in cpa_versions, set in the
-- insert that stores the message. NULL for messages stored before this column, or when no version was known
-- (a message refused before its CPA was found); for those, GET /api/cpas/{cpaId}/versions?at= derives it.
ALTER TABLE outbound_messages ADD COLUMN cpa_version INTEGER;
ALTER TABLE inbound_messages ADD COLUMN cpa_version INTEGER;
