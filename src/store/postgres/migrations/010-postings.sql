-- Postings for ranking: for each index token, the articles that hold it with their length and the
-- token's headline and body counts, as arrays. Reading a candidate's tsvector cost microseconds per
-- candidate, and a question's candidates run into thousands; the postings of a dozen tokens are a
-- dozen rows, and BM25 over them is one aggregate. A phrase of several tokens is found through its
-- rarest token's postings and checked in the tsvector, so the GIN index goes: keeping it up took a
-- third of an ingest.
--
-- Each index write appends a segment (one row per token it holds), as an FTS5 segment b-tree does;
-- merges (src/store/postgres/segments.ts) fold small segments together. An article rewritten or
-- removed leaves its old entries behind: `postings_stale` says from which segment on its entries
-- count (a removed article's never do), and merges drop what no longer counts.
DROP INDEX article_index_tsv;

CREATE SEQUENCE index_segment_ids AS INTEGER;

CREATE TABLE article_postings (
  token   TEXT NOT NULL,
  segment INTEGER NOT NULL,
  pks     INTEGER[] NOT NULL,
  lens    INTEGER[] NOT NULL,
  title_n SMALLINT[] NOT NULL,
  body_n  SMALLINT[] NOT NULL,
  PRIMARY KEY (token, segment)
);

-- A row's four arrays are built by aggregates over the same rows of one GROUP BY, which feeds every
-- aggregate each row in turn, so they stay aligned without sorting (four sorts per token made an
-- ingest a third slower).

-- Each segment's entry count: what the merge policy sizes segments by.
CREATE TABLE index_segments (
  segment INTEGER PRIMARY KEY,
  entries INTEGER NOT NULL
);

-- An article's entries in segments before `valid_from` are out of date (all of them, for a removed article).
CREATE TABLE postings_stale (
  pk         INTEGER PRIMARY KEY,
  valid_from INTEGER NOT NULL
);

-- How many articles hold a phrase of several tokens is counted by checking positions in every
-- article holding its rarest token: tens of milliseconds for a common word such as
-- 2023年 or 办公室, which the next questions ask again. Counts are kept for the index's generation
-- they were made at; every index write starts a new generation and drops the old counts.
ALTER TABLE index_totals ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
CREATE TABLE phrase_docs (
  phrase     TEXT PRIMARY KEY,
  docs       INTEGER NOT NULL,
  generation BIGINT NOT NULL
);

-- One function for every change to article_index, so an UPDATE's removal is recorded before its
-- addition (two triggers on one event fire in name order). Term counts are upserted in sorted order,
-- so two writers lock term rows in the same order. A removed article is marked stale from segment
-- 2^31-1: none of its entries count, until its new entry (same statement or later) sets the segment.
DROP TRIGGER article_index_insert ON article_index;
DROP TRIGGER article_index_delete ON article_index;
DROP TRIGGER article_index_update_old ON article_index;
DROP TRIGGER article_index_update_new ON article_index;
DROP FUNCTION article_index_added();
DROP FUNCTION article_index_removed();

CREATE FUNCTION article_index_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seg INTEGER;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE term_docs SET docs = term_docs.docs - gone.n
      FROM (SELECT u.lexeme, count(*) AS n FROM removed_rows, unnest(removed_rows.tsv) AS u GROUP BY u.lexeme ORDER BY u.lexeme) AS gone
      WHERE term_docs.token = gone.lexeme;
    DELETE FROM term_docs t USING (SELECT DISTINCT u.lexeme FROM removed_rows, unnest(removed_rows.tsv) AS u) AS g
      WHERE t.token = g.lexeme AND t.docs <= 0;
    UPDATE index_totals SET articles = articles - (SELECT count(*) FROM removed_rows),
      tokens = tokens - (SELECT coalesce(sum(tokens), 0) FROM removed_rows), generation = generation + 1;
    INSERT INTO postings_stale (pk, valid_from) SELECT article_pk, 2147483647 FROM removed_rows ORDER BY article_pk
      ON CONFLICT (pk) DO UPDATE SET valid_from = excluded.valid_from;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    seg := nextval('index_segment_ids');
    WITH entries AS MATERIALIZED (
      SELECT a.article_pk, a.tokens, u.lexeme, cardinality(u.positions) AS n, cardinality(array_positions(u.weights, 'A')) AS title_n
      FROM added_rows a, unnest(a.tsv) AS u
    ), posted AS (
      INSERT INTO article_postings (token, segment, pks, lens, title_n, body_n)
        SELECT lexeme, seg, array_agg(article_pk), array_agg(tokens), array_agg(title_n::smallint), array_agg((n - title_n)::smallint)
        FROM entries GROUP BY lexeme
    )
    INSERT INTO term_docs (token, docs)
      SELECT lexeme, count(*) FROM entries GROUP BY lexeme ORDER BY lexeme
      ON CONFLICT (token) DO UPDATE SET docs = term_docs.docs + excluded.docs;
    INSERT INTO index_segments (segment, entries) SELECT seg, count(*) FROM added_rows HAVING count(*) > 0;
    UPDATE postings_stale SET valid_from = seg WHERE pk IN (SELECT article_pk FROM added_rows);
    UPDATE index_totals SET articles = articles + (SELECT count(*) FROM added_rows),
      tokens = tokens + (SELECT coalesce(sum(tokens), 0) FROM added_rows), generation = generation + 1;
  END IF;
  DELETE FROM phrase_docs;
  RETURN NULL;
END $$;

CREATE TRIGGER article_index_insert AFTER INSERT ON article_index
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_changed();
CREATE TRIGGER article_index_delete AFTER DELETE ON article_index
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_changed();
CREATE TRIGGER article_index_update AFTER UPDATE ON article_index
  REFERENCING OLD TABLE AS removed_rows NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_changed();

-- A bulk load (migrate-store) turns the triggers off and counts everything once at the end, the
-- postings as one segment.
CREATE OR REPLACE FUNCTION article_index_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  seg INTEGER := nextval('index_segment_ids');
BEGIN
  DELETE FROM term_docs;
  INSERT INTO term_docs (token, docs) SELECT u.lexeme, count(*) FROM article_index, unnest(article_index.tsv) AS u GROUP BY u.lexeme;
  UPDATE index_totals SET articles = (SELECT count(*) FROM article_index), tokens = (SELECT coalesce(sum(tokens), 0) FROM article_index),
    generation = generation + 1;
  DELETE FROM phrase_docs;
  DELETE FROM article_postings;
  DELETE FROM index_segments;
  DELETE FROM postings_stale;
  INSERT INTO article_postings (token, segment, pks, lens, title_n, body_n)
    SELECT u.lexeme, seg, array_agg(i.article_pk), array_agg(i.tokens), array_agg(cardinality(array_positions(u.weights, 'A'))::smallint),
      array_agg((cardinality(u.positions) - cardinality(array_positions(u.weights, 'A')))::smallint)
    FROM article_index i, unnest(i.tsv) AS u GROUP BY u.lexeme;
  INSERT INTO index_segments (segment, entries) SELECT seg, count(*) FROM article_index HAVING count(*) > 0;
END $$;

-- Stores made before this migration get their postings now.
SELECT article_index_recount() WHERE EXISTS (SELECT 1 FROM article_index);
