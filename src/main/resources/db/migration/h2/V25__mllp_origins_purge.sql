-- Origins are purged once the HL7 ids they match answers by are no longer remembered
-- (reliability.hl7DuplicateWindow): the purge reads them in recorded_at order. Additive.
CREATE INDEX mllp_origins_recorded ON mllp_origins (recorded_at);
