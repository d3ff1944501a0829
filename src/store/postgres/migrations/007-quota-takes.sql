-- SQLite's 018: each counted costly request of a user, so bot replicas share one rate limit and one
-- daily quota per user.
CREATE TABLE quota_takes (
  user_id BIGINT NOT NULL,
  at      BIGINT NOT NULL,
  day     TEXT NOT NULL
);
CREATE INDEX quota_takes_by_user ON quota_takes (user_id, at);
