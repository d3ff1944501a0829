-- When the reply to an update started going out. A process that dies after this may have answered:
-- its update is finished, not answered again (a second answer is worse than the rare lost one).
ALTER TABLE seen_updates ADD COLUMN replying_at INTEGER;
