-- The heartbeat table of 016 now serves every process that holds work, not only digest rounds: a
-- webhook replica holds the updates it claimed the same way, so a resend finds out within seconds
-- whether the claimer still lives. One holder id per process start.
ALTER TABLE digest_senders RENAME TO holders;

-- Who is answering an update while done_at is empty; a claim whose holder stopped beating is taken over.
ALTER TABLE seen_updates ADD COLUMN claimed_by TEXT;
-- The update itself (JSON) until it is finished, so a live replica can answer an update whose replica
-- died after Telegram had its 200 (Telegram never resends it).
ALTER TABLE seen_updates ADD COLUMN payload TEXT;

CREATE INDEX seen_updates_open ON seen_updates (update_id) WHERE done_at IS NULL;
