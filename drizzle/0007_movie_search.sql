-- Search that forgives typos: trigram similarity (pg_trgm, on Neon and in Postgres' contrib) over one
-- lower-cased document per movie — its title, genres and languages — so "chennai circut", "thriler"
-- and "tamil" all find what they mean. array_to_string is only STABLE (element output functions), so
-- the document is built by an IMMUTABLE wrapper that an expression index may use; for text[] it is.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION movie_search_document(title text, genres text[], languages text[])
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(title || ' ' || array_to_string(genres, ' ') || ' ' || array_to_string(languages, ' '));--> statement-breakpoint
-- The catalog is hundreds of rows: a plain CREATE INDEX locks writes to movies for milliseconds.
CREATE INDEX IF NOT EXISTS movies_search_trgm ON movies
  USING gin (movie_search_document(title, genres, languages) gin_trgm_ops);
