-- Lexical index over headline and body. Columns hold the space-joined index tokens made by
-- retrieve's tokenizer (overlapping bigrams of Han characters, numbers and Latin words), not raw
-- text, so unicode61 only splits them on spaces ('.' kept, for numbers such as 9.97). Each body is
-- indexed once, at article level; the best passages are picked from the top articles' text at
-- query time. Contentless: the store writes and deletes rows itself in the same transaction as
-- the article, keyed by articles.pk.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0 tokenchars ''.'''
);
