-- E-paper editions: the kicker printed above a headline (引题), and what each fetched address last
-- answered (ETag, Last-Modified) with the SHA-1 of that body, so `newsbot fetch` asks
-- If-None-Match / If-Modified-Since and an unchanged article (304) is neither downloaded nor re-read.
ALTER TABLE articles ADD COLUMN intro_title TEXT;

CREATE TABLE fetched_pages (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  content_hash  TEXT NOT NULL,
  fetched_at    TEXT NOT NULL
) STRICT;
