-- Twin of h2/V18, deliberately without the cache. PostgreSQL logs a sequence cheaply (once per 32 values in the WAL
-- of the commit that uses it), so it has nothing to gain; and its CACHE is per connection: with the writer taking a
-- different pooled connection per group, cached values would make seq jump back and forth even within one node,
-- and readers that go "after the last seq seen" (the bank's outbox) would miss events.
SELECT 1;
