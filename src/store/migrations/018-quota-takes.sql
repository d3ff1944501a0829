-- Each costly request a user made (a question, /search, /today, an article button) that was within
-- the limits: the sliding minute and the local day are counted from these rows, so every process on
-- the database (bot replicas) shares one limit per user. A user's rows of earlier days are deleted
-- at their next request.
CREATE TABLE quota_takes (
  user_id INTEGER NOT NULL,
  at      INTEGER NOT NULL,
  day     TEXT NOT NULL
) STRICT;
CREATE INDEX quota_takes_by_user ON quota_takes (user_id, at);
