-- When the reply to an update started going out (SQLite's 019): a process that dies after this may
-- have answered, so its update is finished, not answered again.
ALTER TABLE seen_updates ADD COLUMN replying_at BIGINT;
