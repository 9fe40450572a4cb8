-- The casefile (issue #16): who the person is, search, attachments, duplicates, assignment, retention.
-- Search uses PostgreSQL's own fuzzy matching, on PGlite and on a server alike: pg_trgm (trigram similarity),
-- fuzzystrmatch (dmetaphone, levenshtein) and unaccent (diacritics). PGlite loads them in src/store/database.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- A name as compared: without diacritics, lower case, punctuation as spaces ("Al-Ḥassan" → "al hassan").
-- Immutable (unaccent with its dictionary named is), so that an index can be built on it.
CREATE OR REPLACE FUNCTION pact_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, t)), '[^[:alnum:]|]+', ' ', 'g'))
$$;--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea",
	"thumbnail" "bytea",
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "duplicate_candidates" (
	"case_id" uuid NOT NULL,
	"other_case_id" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"score" numeric NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"main_case_id" uuid,
	"found_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "duplicate_candidates_case_id_other_case_id_pk" PRIMARY KEY("case_id","other_case_id")
);
--> statement-breakpoint
CREATE TABLE "person_documents" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"state" char(2) NOT NULL,
	"type" text NOT NULL,
	"number" text NOT NULL,
	"number_key" text NOT NULL,
	"issuing_country" char(2) NOT NULL,
	"issued_on" date,
	"expires_on" date,
	"seen_original" boolean DEFAULT false NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"false_document" boolean DEFAULT false NOT NULL,
	CONSTRAINT "person_documents_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "person_identities" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"family_name" text,
	"given_names" text,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"original_family_name" text,
	"original_given_names" text,
	"names" text DEFAULT '' NOT NULL,
	"birth_from" date,
	"birth_to" date,
	"birth_precision" text,
	"sex" text,
	"nationality" char(2),
	"stated_nationality" char(2),
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"place_of_birth" text,
	"eurodac_ref" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_actions" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assigned_to" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "main_case_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_candidates" ADD CONSTRAINT "duplicate_candidates_other_case_id_cases_id_fk" FOREIGN KEY ("other_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_documents" ADD CONSTRAINT "person_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_identities" ADD CONSTRAINT "person_identities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_case" ON "attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "duplicate_candidates_state_status" ON "duplicate_candidates" USING btree ("state","status");--> statement-breakpoint
CREATE INDEX "person_documents_state_number" ON "person_documents" USING btree ("state","number_key");--> statement-breakpoint
CREATE INDEX "person_identities_state_birth" ON "person_identities" USING btree ("state","birth_from");--> statement-breakpoint
CREATE INDEX "person_identities_state_eurodac" ON "person_identities" USING btree ("state","eurodac_ref");--> statement-breakpoint
CREATE INDEX "cases_state_assigned" ON "cases" USING btree ("state","assigned_to");--> statement-breakpoint
CREATE TABLE "person_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"state" char(2) NOT NULL,
	"query" text,
	"results" integer NOT NULL,
	"erased_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "person_searches_at" ON "person_searches" USING btree ("at");
--> statement-breakpoint
-- search
-- (Functions name their schema: an index is built with a search_path of pg_catalog only.)
-- Articles and particles written apart, hyphenated or joined ("Al-Hassan", "Al Hassan", "Alhasan"): joined to
-- the word after them, on folded text ("al hassan" -> "alhassan"). A query is compared in this form.
CREATE OR REPLACE FUNCTION pact_join_particles(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT regexp_replace(t, '\m(al|el|ul|ad|ar|as|ash|at|az|an|ed|abd|abdul|abdel|bin|ibn|bint|abu|van|von|der|den|de|da|di|du|dos|das|del)\s+', '\1', 'g')
$$;--> statement-breakpoint
-- The words of a person's names as search compares them (src/store/person-search.ts): each word of the folded
-- names, and the words again with particles joined, so that a query in either form finds them.
-- (search and duplicates performance) The same of names folded already (the stored names_folded: search
-- compares its candidates' words without folding them again, which costs an unaccent per candidate).
CREATE OR REPLACE FUNCTION pact_folded_words(f text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
  -- PL/pgSQL expressions, no subquery: a SQL function with one is planned again at every call (milliseconds,
  -- for every row an index is built on); a word may appear twice, which matching does not mind
  RETURN array_remove(
    string_to_array(regexp_replace(f, '[[:space:]|]+', ' ', 'g'), ' ')
      || string_to_array(regexp_replace(public.pact_join_particles(f), '[[:space:]|]+', ' ', 'g'), ' '),
    '');
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION pact_name_words(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
BEGIN
  RETURN public.pact_folded_words(public.pact_fold(t));
END
$$;--> statement-breakpoint
-- How each of those words sounds (Double Metaphone, fuzzystrmatch): "Mohammed", "Muhammad" and "Mohamed" are
-- all MHMT. Indexed, so that a transliteration is found among many persons without reading them all.
CREATE OR REPLACE FUNCTION pact_name_codes(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text;
  c text[] := '{}';
BEGIN
  FOREACH w IN ARRAY public.pact_name_words(t) LOOP
    c := c || public.dmetaphone(w) || public.dmetaphone_alt(w);
  END LOOP;
  RETURN array_remove(c, '');
END
$$;--> statement-breakpoint
CREATE INDEX "person_identities_name_codes" ON "person_identities" USING gin (pact_name_codes("names"));--> statement-breakpoint
-- A Eurodac reference as searched: upper case, letters and digits only (as a document number, identity.ts).
CREATE INDEX "person_identities_state_eurodac_key" ON "person_identities" USING btree ("state", upper(regexp_replace("eurodac_ref", '[^A-Za-z0-9]', '', 'g')));--> statement-breakpoint
-- A random salt per search, never copied out of this table: the audit entry's hash of the row cannot be
-- reversed by hashing likely names.
ALTER TABLE "person_searches" ADD COLUMN "salt" text;--> statement-breakpoint
-- duplicates
-- How a name sounds (fuzzystrmatch's double metaphone of the folded name without spaces: "Al-Hassan" and
-- "Alhasan" alike), and the index that finds, per state, the files whose family name and first given name
-- sound alike (src/store/duplicates.ts).
CREATE OR REPLACE FUNCTION pact_sound(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT nullif(public.dmetaphone(regexp_replace(public.pact_fold(t), '[^[:alnum:]]+', '', 'g')), '')
$$;--> statement-breakpoint
CREATE INDEX "person_identities_sound" ON "person_identities" USING btree ("state", pact_sound("family_name"), pact_sound(split_part(pact_fold("given_names"), ' ', 1)), coalesce("birth_to", '9999-12-31'::date));--> statement-breakpoint
CREATE INDEX "duplicate_candidates_other" ON "duplicate_candidates" USING btree ("other_case_id");--> statement-breakpoint
CREATE INDEX "cases_main_case" ON "cases" USING btree ("main_case_id") WHERE "main_case_id" IS NOT NULL;
--> statement-breakpoint
-- The folded names stored (pact_fold is a SQL function that is not inlined: folding every candidate's names
-- again cost most of the duplicate search's time), with their trigram index.
ALTER TABLE "person_identities" ADD COLUMN "names_folded" text GENERATED ALWAYS AS (pact_fold("names")) STORED;--> statement-breakpoint
CREATE INDEX "person_identities_folded_trgm" ON "person_identities" USING gin ("names_folded" gin_trgm_ops);
--> statement-breakpoint
ALTER TABLE "person_identities" ADD COLUMN "family_folded" text GENERATED ALWAYS AS (pact_fold("family_name")) STORED;--> statement-breakpoint
-- audit integrity
-- A random salt per case-log row: its audit entry's payloadSha256 is salted with it, and the retention sweep
-- nulls it with the identity (src/store/action-hash.ts), so the audit holds no hash an erased name could be guessed against.
ALTER TABLE "case_actions" ADD COLUMN "salt" text;--> statement-breakpoint
-- search and duplicates performance
-- The family names nearest a person's, among the persons of the state born within the tolerance (an unknown
-- date of birth: any), found by the index in order of trigram distance (GiST's `<->` with LIMIT: the 20
-- nearest are read, not every bearer of a common family name). btree_gist puts the state and the dates in it.
-- An unknown date is a far finite date, never ±infinity: btree_gist's penalty subtracts dates, and an infinite
-- one makes the insert fail ("cannot subtract infinite dates") once the index splits pages.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE INDEX "person_identities_family_near" ON "person_identities" USING gist ("state", "family_folded" gist_trgm_ops, coalesce("birth_from", '0001-01-01'::date), coalesce("birth_to", '9999-12-31'::date));--> statement-breakpoint
-- The same family name (folded) among the persons of the state born within the tolerance: a btree range.
CREATE INDEX "person_identities_family_birth" ON "person_identities" USING btree ("state", "family_folded", coalesce("birth_to", '9999-12-31'::date));
