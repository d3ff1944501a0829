-- Dense vectors of passages, one per embedding model, as little-endian Float32 BLOBs normalised to
-- unit length (so a dot product is the cosine). A passage rewritten by a re-ingest gets a new pk,
-- so its old vector goes with it (cascade) and it is embedded again.
CREATE TABLE passage_embeddings (
  passage_pk INTEGER NOT NULL REFERENCES passages (pk) ON DELETE CASCADE,
  model      TEXT NOT NULL,
  dims       INTEGER NOT NULL,
  vector     BLOB NOT NULL,
  PRIMARY KEY (passage_pk, model)
) STRICT;

-- A version per model, bumped on every change to its vectors, so a reader (another process
-- included) can tell in one row lookup whether its in-memory matrix is stale.
CREATE TABLE embedding_versions (
  model   TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) STRICT;

CREATE TRIGGER passage_embeddings_added AFTER INSERT ON passage_embeddings BEGIN
  INSERT INTO embedding_versions (model, version) VALUES (new.model, 1)
    ON CONFLICT (model) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER passage_embeddings_removed AFTER DELETE ON passage_embeddings BEGIN
  UPDATE embedding_versions SET version = version + 1 WHERE model = old.model;
END;
