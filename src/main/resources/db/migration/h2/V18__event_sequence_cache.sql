-- H2 writes an identity column's next value to disk, in a commit of its own, every CACHE values (default 32).
-- With several events per message that was an extra full store every few messages on the hot path. A larger
-- cache only means a gap in seq after a crash; order within the node is unchanged (one writer assigns them).
ALTER TABLE message_events ALTER COLUMN seq SET CACHE 100000;
