-- The person's guarantees and remedies (issue #17): vulnerability, minors, detention, interview, remedies,
-- withdrawal, the border procedure in a crisis, national emergency measures. Each part below is headed by its
-- module (src/domain/guarantees/).
SELECT 1;
--> statement-breakpoint
-- border-crisis: a crisis declaration records the last day of the initial Council implementing decision's
-- period (CFMR Art. 4(3)) apart from the last day after its extensions (Art. 5(1)–(2)): the registration
-- derogation of a mass-arrivals crisis applies only to applications made in the initial period (Art. 10(4)).
-- NULL in declarations recorded before: their whole period counts as the initial one.
ALTER TABLE crisis_declarations ADD COLUMN initial_ends_on date;
--> statement-breakpoint
ALTER TABLE crisis_declarations ADD CONSTRAINT crisis_initial_period_inside CHECK (initial_ends_on IS NULL OR (initial_ends_on >= starts_on AND initial_ends_on <= ends_on));
--> statement-breakpoint
-- minors: a representative's unaccompanied minors are counted at each appointment (APR Art. 23;
-- src/store/guarantees-minors.ts): the cases naming a representative or an interim person, by reference
CREATE INDEX IF NOT EXISTS cases_representation_ref ON cases
  ((coalesce(data -> 'representation' -> 'representative' ->> 'ref', data -> 'representation' -> 'interim' ->> 'ref')))
  WHERE data ? 'representation';
--> statement-breakpoint
-- remedies: the national values the Pact leaves to a member state and that no published act gives yet
-- (APR Art. 67(7) appeal windows; shared/spec/pact-rules.md section 9): an administrator confirms them
-- (src/store/national-settings.ts). One row per state and name; each change is in the audit log.
CREATE TABLE IF NOT EXISTS national_settings (
  state text NOT NULL,
  name text NOT NULL,
  since date NOT NULL,
  value jsonb NOT NULL,
  source text NOT NULL,
  confirmed_by text NOT NULL,
  confirmed_at timestamptz NOT NULL,
  PRIMARY KEY (state, name)
);
--> statement-breakpoint
-- national-measures: national emergency measures beside the CFMR (law/national/emergency-measures.ts) and
-- their activations: when and where a measure is switched on, by which act; an extension is a row that names
-- the activation it extends (and, in Poland, the Sejm's consent). src/store/national-measures.ts.
CREATE TABLE "national_measure_activations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"measure" text NOT NULL,
	"state" char(2) NOT NULL,
	"area" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"act" text NOT NULL,
	"extends_id" uuid REFERENCES "national_measure_activations" ("id"),
	"consent" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "national_measure_activations_period" CHECK ("ends_on" >= "starts_on")
);
--> statement-breakpoint
CREATE INDEX "national_measure_activations_state" ON "national_measure_activations" ("state", "measure", "starts_on");
