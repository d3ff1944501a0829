-- Local names learned from the articles at ingest (马砦社区, 蜜蜂张街道…): each candidate name and
-- how many articles hold it, kept up to date in each article's own write transaction. Query
-- analysis keeps a name that recurs across articles together as one phrase.
CREATE TABLE learned_names (
  name     TEXT PRIMARY KEY,
  articles INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
