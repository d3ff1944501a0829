-- Lines OCR read with low confidence, as a JSON array of strings as the article prints them.
ALTER TABLE articles ADD COLUMN uncertain TEXT NOT NULL DEFAULT '[]';
