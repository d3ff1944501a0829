-- The lexical index, in place of SQLite's FTS5 table: the index tokens retrieve's tokenizer made
-- (stock PostgreSQL has no Chinese parser), stored verbatim as tsvector lexemes, the way the 'simple'
-- configuration keeps words (no stemming, no stop words). Headline tokens carry weight A from
-- position 1, body tokens weight D after a one-position gap, so a phrase never spans the two.
-- `tokens` is the article's length in tokens for BM25.
-- A search reads the tsvector of every candidate, so it stays in the row where it fits (STORAGE MAIN)
-- and is lz4-compressed: out of line with pglz, the candidate queries took several times as long.
CREATE TABLE article_index (
  article_pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
  tsv        TSVECTOR COMPRESSION lz4 NOT NULL,
  tokens     INTEGER NOT NULL
);
ALTER TABLE article_index ALTER COLUMN tsv SET STORAGE MAIN;
CREATE INDEX article_index_tsv ON article_index USING GIN (tsv);

-- BM25's corpus statistics, kept by the triggers below in the writing transaction so they never drift:
-- how many articles hold each token, and the article count and total length (the average length).
CREATE TABLE term_docs (
  token TEXT PRIMARY KEY,
  docs  INTEGER NOT NULL
);

CREATE TABLE index_totals (
  one      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
  articles BIGINT NOT NULL,
  tokens   BIGINT NOT NULL
);
INSERT INTO index_totals (articles, tokens) VALUES (0, 0);

-- Statement-level, over the transition table: one upsert per statement, tokens in sorted order so
-- two writers lock term rows in the same order.
CREATE FUNCTION article_index_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO term_docs (token, docs)
    SELECT u.lexeme, count(*) FROM added_rows, unnest(added_rows.tsv) AS u GROUP BY u.lexeme ORDER BY u.lexeme
    ON CONFLICT (token) DO UPDATE SET docs = term_docs.docs + excluded.docs;
  UPDATE index_totals SET articles = articles + (SELECT count(*) FROM added_rows),
    tokens = tokens + (SELECT coalesce(sum(tokens), 0) FROM added_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION article_index_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE term_docs SET docs = term_docs.docs - gone.n
    FROM (SELECT u.lexeme, count(*) AS n FROM removed_rows, unnest(removed_rows.tsv) AS u GROUP BY u.lexeme ORDER BY u.lexeme) AS gone
    WHERE term_docs.token = gone.lexeme;
  DELETE FROM term_docs t USING (SELECT DISTINCT u.lexeme FROM removed_rows, unnest(removed_rows.tsv) AS u) AS g
    WHERE t.token = g.lexeme AND t.docs <= 0;
  UPDATE index_totals SET articles = articles - (SELECT count(*) FROM removed_rows),
    tokens = tokens - (SELECT coalesce(sum(tokens), 0) FROM removed_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER article_index_insert AFTER INSERT ON article_index
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_added();
CREATE TRIGGER article_index_delete AFTER DELETE ON article_index
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_removed();
CREATE TRIGGER article_index_update_old AFTER UPDATE ON article_index
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_removed();
CREATE TRIGGER article_index_update_new AFTER UPDATE ON article_index
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION article_index_added();

-- A bulk load (migrate-store) turns the triggers off and counts everything once at the end: per-batch
-- upserts of every token's count took most of a 68k-article copy.
CREATE FUNCTION article_index_recount() RETURNS void LANGUAGE sql AS $$
  DELETE FROM term_docs;
  INSERT INTO term_docs (token, docs) SELECT u.lexeme, count(*) FROM article_index, unnest(article_index.tsv) AS u GROUP BY u.lexeme;
  UPDATE index_totals SET articles = (SELECT count(*) FROM article_index), tokens = (SELECT coalesce(sum(tokens), 0) FROM article_index);
$$;
