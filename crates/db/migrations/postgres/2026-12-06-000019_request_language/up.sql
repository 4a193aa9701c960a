-- The language a request was filed in: every later email about it goes out in it.
ALTER TABLE requests ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
