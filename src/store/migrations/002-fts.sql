-- Lexical indexes. Columns hold space-joined tokens made by the shared tokenizer (jieba + lexicon +
-- bigrams), not raw text, so unicode61 splits them on spaces. Contentless: the store writes and
-- deletes rows itself in the same transaction as the article, keyed by articles.pk / passages.pk.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE VIRTUAL TABLE passages_fts USING fts5(
  body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);
