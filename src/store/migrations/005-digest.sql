-- Digest subscriptions and the send log that makes scheduled delivery exactly-once per chat and day.
CREATE TABLE subscriptions (
  chat_id      INTEGER PRIMARY KEY,
  -- Local wall-clock time (NEWSBOT_TIMEZONE) of the daily digest, 'HH:MM'.
  send_time    TEXT NOT NULL DEFAULT '08:00',
  -- JSON array of area names (经开区, 二七区 …); empty means every area.
  areas        TEXT NOT NULL DEFAULT '[]',
  -- A keyword the items must mention, or NULL for no topic filter.
  topic        TEXT,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  paused_reason TEXT,
  -- Only schedule slots at or after this instant (ms since epoch) are due, so a new subscriber
  -- is not sent a catch-up digest for a slot that passed before they subscribed.
  active_since INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX subscriptions_by_status ON subscriptions (status);

-- One row per chat and local day: claimed ('sending') before the message goes out, then settled.
CREATE TABLE digest_sends (
  chat_id      INTEGER NOT NULL,
  digest_date  TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'skipped', 'failed', 'blocked', 'unknown')),
  -- The newest issue date the digest covered; the next digest starts after it.
  issue_date   TEXT,
  attempts     INTEGER NOT NULL DEFAULT 1,
  message_ids  TEXT NOT NULL DEFAULT '[]',
  error        TEXT,
  claimed_at   INTEGER NOT NULL,
  settled_at   INTEGER,
  PRIMARY KEY (chat_id, digest_date)
) STRICT;

CREATE INDEX digest_sends_by_date ON digest_sends (digest_date, state);
-- The newest issue a chat already had, found without scanning its whole history.
CREATE INDEX digest_sends_by_issue ON digest_sends (chat_id, issue_date);
