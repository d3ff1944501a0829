-- Who holds a 'sending' row: the round of one process (replica), which beats in digest_senders while
-- it runs. Only sends whose holder stopped beating (it died) are marked 'unknown', so a replica that
-- starts never marks the sends another live replica has in flight.
ALTER TABLE digest_sends ADD COLUMN claimed_by TEXT;

CREATE TABLE digest_senders (
  id           TEXT PRIMARY KEY,
  -- Wall-clock ms since epoch of the holder's latest heartbeat.
  heartbeat_at INTEGER NOT NULL
) STRICT;

CREATE INDEX digest_sends_in_flight ON digest_sends (claimed_by) WHERE state = 'sending';
