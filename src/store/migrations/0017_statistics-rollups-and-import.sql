CREATE TABLE "import_encounters" (
	"encounter_id" uuid PRIMARY KEY NOT NULL,
	"batch" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_daily" (
	"state" char(2) NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"grp" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "rollup_daily_state_day_key_grp_pk" PRIMARY KEY("state","day","key","grp")
);
--> statement-breakpoint
CREATE TABLE "rollup_facts" (
	"subject" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"grp" text NOT NULL,
	"due_at" timestamp with time zone,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statistics_monthly" (
	"state" char(2) NOT NULL,
	"month" date NOT NULL,
	"grouping" text NOT NULL,
	"grp" text,
	"metric" text NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_encounters" ADD CONSTRAINT "import_encounters_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_encounters_batch" ON "import_encounters" USING btree ("batch");--> statement-breakpoint
CREATE INDEX "rollup_facts_subject" ON "rollup_facts" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "rollup_facts_state_due" ON "rollup_facts" USING btree ("state","due_at","day") WHERE "rollup_facts"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "statistics_monthly_state_grouping_month" ON "statistics_monthly" USING btree ("state","grouping","month");