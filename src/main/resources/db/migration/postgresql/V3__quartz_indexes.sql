-- Twin of h2/V3. Quartz's PostgreSQL table script (migration 2, tables_postgres.sql) creates its own indexes on the
-- same columns, so nothing is added here; the version exists so that both folders carry the same history.
SELECT 1;
