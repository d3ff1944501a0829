-- The chat an update belongs to, so a replica can hold back a chat's later update until the earlier one
-- (maybe on another replica) is answered: Telegram numbers a chat's updates in the order it sends them.
-- Empty for updates without a chat (inline queries) and for claims taken before this column existed.
ALTER TABLE seen_updates ADD COLUMN chat_id INTEGER;

CREATE INDEX seen_updates_by_chat ON seen_updates (chat_id, update_id);
