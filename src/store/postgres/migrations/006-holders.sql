-- The heartbeat table of 005 serves every process that holds work (SQLite's 017): digest rounds and
-- webhook replicas answering updates. A claim whose holder stopped beating is taken over; the update
-- is kept until finished, so one acknowledged to Telegram can be answered by another replica.
ALTER TABLE digest_senders RENAME TO holders;

ALTER TABLE seen_updates ADD COLUMN claimed_by TEXT;
ALTER TABLE seen_updates ADD COLUMN payload TEXT;

CREATE INDEX seen_updates_open ON seen_updates (update_id) WHERE done_at IS NULL;
