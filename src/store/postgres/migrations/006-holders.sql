-- The heartbeat table of 005 serves every process that holds work (SQLite's 017): digest rounds and
-- webhook replicas answering updates. A claim whose holder stopped beating is taken over.
ALTER TABLE digest_senders RENAME TO holders;

ALTER TABLE seen_updates ADD COLUMN claimed_by TEXT;
