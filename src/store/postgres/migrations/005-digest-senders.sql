-- Who holds a 'sending' row (SQLite's 016): only sends whose holder stopped beating in
-- digest_senders (it died) are marked 'unknown', never those of a live replica.
ALTER TABLE digest_sends ADD COLUMN claimed_by TEXT;

CREATE TABLE digest_senders (
  id           TEXT PRIMARY KEY,
  heartbeat_at BIGINT NOT NULL
);

CREATE INDEX digest_sends_in_flight ON digest_sends (claimed_by) WHERE state = 'sending';
