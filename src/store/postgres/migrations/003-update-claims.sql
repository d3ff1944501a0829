-- A seen update is a claim until it is finished: a replica that dies mid-answer leaves done_at empty,
-- so Telegram's resend can be claimed again once the lease has run out.
ALTER TABLE seen_updates ADD COLUMN done_at BIGINT;

-- Ids marked before this column existed were marked as handled.
UPDATE seen_updates SET done_at = seen_at;
