-- The heartbeat table of 016 now serves every process that holds work, not only digest rounds: a
-- webhook replica holds the updates it claimed the same way, so a resend finds out within seconds
-- whether the claimer still lives. One holder id per process start.
ALTER TABLE digest_senders RENAME TO holders;

-- Who is answering an update while done_at is empty; a claim whose holder stopped beating is taken over.
ALTER TABLE seen_updates ADD COLUMN claimed_by TEXT;
