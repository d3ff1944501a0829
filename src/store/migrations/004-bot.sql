-- What the Telegram bot remembers: each chat's recent questions and answers (for follow-ups and
-- /sources), and a log of every question answered (for /stats and /unanswered). No user names.
CREATE TABLE chat_turns (
  id         INTEGER PRIMARY KEY,
  chat_id    INTEGER NOT NULL,
  question   TEXT NOT NULL,
  searched   TEXT NOT NULL,
  answer     TEXT NOT NULL,
  -- JSON [{n, id, title, paper, date}]: the sources the answer cited
  citations  TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX chat_turns_by_chat ON chat_turns (chat_id, id);

CREATE TABLE question_log (
  id        INTEGER PRIMARY KEY,
  asked_at  TEXT NOT NULL,
  -- the local calendar day (NEWSBOT_TIMEZONE), so "today" needs no zone arithmetic in SQL
  asked_day TEXT NOT NULL,
  chat_type TEXT NOT NULL,
  question  TEXT NOT NULL,
  mode      TEXT NOT NULL,
  abstained INTEGER NOT NULL,
  citations INTEGER NOT NULL,
  ms        INTEGER NOT NULL
) STRICT;
CREATE INDEX question_log_by_day ON question_log (asked_day);
CREATE INDEX question_log_unanswered ON question_log (abstained, id);
