CREATE TABLE "relocation_candidates" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"from_state" char(2) NOT NULL,
	"case_id" uuid,
	"family_id" text,
	"kind" text NOT NULL,
	"protection_granted_on" date,
	"consent" boolean,
	"nationality" char(2) NOT NULL,
	"minor" boolean NOT NULL,
	"vulnerabilities" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"security_hit" boolean NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relocation_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"candidate_id" text NOT NULL,
	"from_state" char(2) NOT NULL,
	"to_state" char(2) NOT NULL,
	"status" text NOT NULL,
	"exceptional" boolean DEFAULT false NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"confirm_due_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_silence" boolean,
	"transfer_due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"why" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solidarity_deductions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"state" char(2) NOT NULL,
	"article" text NOT NULL,
	"requested_on" date NOT NULL,
	"requested_percent" numeric NOT NULL,
	"status" text NOT NULL,
	"granted_percent" numeric,
	"decided_on" date,
	"act" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solidarity_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"state" char(2) NOT NULL,
	"kind" text NOT NULL,
	"eur_cents" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"description" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solidarity_pledges" (
	"year" integer NOT NULL,
	"state" char(2) NOT NULL,
	"relocations" integer NOT NULL,
	"eur_cents" bigint NOT NULL,
	"alternatives" jsonb NOT NULL,
	"relocate_percent" numeric,
	"criteria" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "solidarity_pledges_year_state_pk" PRIMARY KEY("year","state")
);
--> statement-breakpoint
ALTER TABLE "relocation_candidates" ADD CONSTRAINT "relocation_candidates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relocation_transfers" ADD CONSTRAINT "relocation_transfers_candidate_id_relocation_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."relocation_candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relocation_candidates_year_from" ON "relocation_candidates" USING btree ("year","from_state");--> statement-breakpoint
CREATE UNIQUE INDEX "relocation_transfers_candidate_open" ON "relocation_transfers" USING btree ("candidate_id") WHERE status in ('proposed', 'confirmed', 'transferred');--> statement-breakpoint
CREATE INDEX "relocation_transfers_year_to" ON "relocation_transfers" USING btree ("year","to_state");--> statement-breakpoint
CREATE INDEX "solidarity_deductions_year_state" ON "solidarity_deductions" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "solidarity_payments_year_state" ON "solidarity_payments" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "cases_state_wish" ON "cases" USING btree ("state","asylum_wish_at");