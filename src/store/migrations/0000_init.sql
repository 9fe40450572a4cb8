CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_actions" (
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"state" char(2) NOT NULL,
	"legal_basis" text NOT NULL,
	"payload" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_actions_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"encounter_id" uuid NOT NULL,
	"status" text NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer NOT NULL,
	"nationality" char(2),
	"sex" text,
	"birth_year" integer,
	"minor" boolean DEFAULT false NOT NULL,
	"unaccompanied" boolean DEFAULT false NOT NULL,
	"vulnerabilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"asylum_wish_at" timestamp with time zone,
	"procedure" text,
	"crisis_id" uuid,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"legal_act" text NOT NULL,
	"border_sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encounters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"ref" text NOT NULL,
	"place_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"group_size" integer NOT NULL,
	"unidentified" integer NOT NULL,
	"force_used" boolean DEFAULT false NOT NULL,
	"force_kind" text,
	"force_reason" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obligations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"article" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"missed_recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" text PRIMARY KEY NOT NULL,
	"state" char(2) NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"border_section" text,
	"open" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_crisis_id_crisis_declarations_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crisis_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligations" ADD CONSTRAINT "obligations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_actions_type_at" ON "case_actions" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "cases_state_status" ON "cases" USING btree ("state","status");--> statement-breakpoint
CREATE INDEX "cases_encounter" ON "cases" USING btree ("encounter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "encounters_state_ref" ON "encounters" USING btree ("state","ref");--> statement-breakpoint
CREATE INDEX "encounters_state_time" ON "encounters" USING btree ("state","occurred_at");--> statement-breakpoint
CREATE INDEX "obligations_open_due" ON "obligations" USING btree ("state","due_at") WHERE "obligations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "obligations_case" ON "obligations" USING btree ("case_id","kind");