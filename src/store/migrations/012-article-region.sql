-- Where on its page an article from a PDF or a page image was read: {x, y, width, height} as shares of
-- the page (JSON); NULL for page text, JSONL and e-paper articles.
ALTER TABLE articles ADD COLUMN region TEXT;
