-- Telegram update ids already handled: Telegram resends an update that got no 2xx, and with webhooks
-- behind a load balancer the resend may reach another process, so the check is a table, not memory.
CREATE TABLE seen_updates (
  update_id INTEGER PRIMARY KEY,
  seen_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX seen_updates_by_time ON seen_updates (seen_at);
