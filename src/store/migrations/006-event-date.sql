-- The date an article's lead reports (本报讯 6月1日上午…), resolved against the issue date.
ALTER TABLE articles ADD COLUMN event_date TEXT;
