-- The person's guarantees and remedies (issue #17): vulnerability, minors, detention, interview, remedies,
-- withdrawal, the border procedure in a crisis, national emergency measures. Each part below is headed by its
-- module (src/domain/guarantees/).
SELECT 1;
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
