-- Whether an article's paper was read from its page (masthead, running text, file name) rather than
-- given by a manifest or the ingest flags; lists and sources say so, `articles --set` corrects it.
ALTER TABLE articles ADD COLUMN paper_inferred INTEGER NOT NULL DEFAULT 0;
