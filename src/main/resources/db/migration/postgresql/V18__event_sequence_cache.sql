-- The H2 twin enlarges the identity cache to save a commit per 32 events. PostgreSQL's sequence cache is per
-- session and would hand out seq values out of commit order across nodes, so it stays at 1 here.
SELECT 1;
