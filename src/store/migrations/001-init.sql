-- Articles as read from bulletin files, and the files they came from.
CREATE TABLE sources (
  path         TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  articles     INTEGER NOT NULL,
  ingested_at  TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  pk             INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  paper          TEXT NOT NULL DEFAULT '',
  issue_date     TEXT,
  date_inferred  INTEGER NOT NULL DEFAULT 0,
  page           TEXT,
  title          TEXT NOT NULL DEFAULT '',
  subtitle       TEXT,
  section        TEXT,
  dateline       TEXT,
  byline         TEXT,
  reporters      TEXT NOT NULL DEFAULT '[]',
  correspondents TEXT NOT NULL DEFAULT '[]',
  text           TEXT NOT NULL,
  url            TEXT,
  content_hash   TEXT NOT NULL,
  source_path    TEXT NOT NULL,
  source_order   INTEGER NOT NULL,
  added_at       TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX articles_by_date ON articles (issue_date);
CREATE INDEX articles_by_source ON articles (source_path, source_order);

-- Sentence-aligned slices of an article's text; start/end are UTF-16 offsets into articles.text.
CREATE TABLE passages (
  pk         INTEGER PRIMARY KEY,
  article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  UNIQUE (article_pk, seq)
) STRICT;
