-- Passage vectors (001's passage_embeddings, real[] since Debian 12 has no pgvector) kept the way
-- SQLite's 003 keeps them: every change to a model's vectors bumps its row in embedding_versions, so
-- a process holding the vectors in memory sees in one lookup whether they are stale. Statement-level,
-- over the transition table: one bump per statement, not one per vector (an ingest's cascade deletes
-- and a batch of saved vectors each move the version once).
CREATE FUNCTION passage_embeddings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE embedding_versions SET version = version + 1 WHERE model IN (SELECT DISTINCT model FROM changed_rows);
  ELSE
    INSERT INTO embedding_versions (model, version) SELECT DISTINCT model, 1 FROM changed_rows ORDER BY model
      ON CONFLICT (model) DO UPDATE SET version = embedding_versions.version + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER passage_embeddings_insert AFTER INSERT ON passage_embeddings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION passage_embeddings_changed();
CREATE TRIGGER passage_embeddings_update AFTER UPDATE ON passage_embeddings
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION passage_embeddings_changed();
CREATE TRIGGER passage_embeddings_delete AFTER DELETE ON passage_embeddings
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION passage_embeddings_changed();
