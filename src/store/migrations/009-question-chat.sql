-- A logged question names the chat that asked it, so /forget deletes all of a chat's questions
-- (not only those still linked through its remembered turns) and the chat needs to remember only
-- the turns a follow-up reads. Rows from before this migration have no chat: retention removes them.
ALTER TABLE question_log ADD COLUMN chat_id INTEGER;
CREATE INDEX question_log_by_chat ON question_log (chat_id) WHERE chat_id IS NOT NULL;
