CREATE TABLE "admission_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"referral_ref" text NOT NULL,
	"referred_on" date NOT NULL,
	"nationality" char(2) NOT NULL,
	"sex" text,
	"birth_year" integer,
	"procedure" text NOT NULL,
	"status" text NOT NULL,
	"registered_on" date,
	"decided_on" date,
	"decision_due_on" date,
	"departed_on" date,
	"arrived_on" date,
	"granted_status" text,
	"case_id" uuid,
	"data" jsonb NOT NULL,
	"version" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_pledges" (
	"programme_id" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"admission_type" text NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "admission_pledges_programme_id_state_pk" PRIMARY KEY("programme_id","state")
);
--> statement-breakpoint
CREATE TABLE "admission_programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"plan_start" date NOT NULL,
	"plan_end" date NOT NULL,
	"admission_type" text NOT NULL,
	"region" text NOT NULL,
	"third_country" char(2),
	"referring_organisation" text NOT NULL,
	"total" integer NOT NULL,
	"split_method" text NOT NULL,
	"owner" char(2) NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_steps" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"step" text NOT NULL,
	"on" date NOT NULL,
	"detail" jsonb NOT NULL,
	"salt" text,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "admission_steps_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
CREATE TABLE "return_history" (
	"state" char(2) NOT NULL,
	"month" date NOT NULL,
	"citizen" text NOT NULL,
	"rtn_type" text NOT NULL,
	"rtn_ass" text NOT NULL,
	"persons" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "return_history_state_month_citizen_rtn_type_rtn_ass_pk" PRIMARY KEY("state","month","citizen","rtn_type","rtn_ass")
);
--> statement-breakpoint
CREATE TABLE "statistics_facts" (
	"subject" uuid NOT NULL,
	"state" char(2) NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"scope" text,
	"section" text,
	"place" text,
	"kind" text,
	"nationality" text,
	"outcome" text,
	"value" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_files" ADD CONSTRAINT "admission_files_programme_id_admission_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."admission_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_pledges" ADD CONSTRAINT "admission_pledges_programme_id_admission_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."admission_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_steps" ADD CONSTRAINT "admission_steps_file_id_admission_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."admission_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_files_referral" ON "admission_files" USING btree ("programme_id","state","referral_ref");--> statement-breakpoint
CREATE INDEX "admission_files_state_status" ON "admission_files" USING btree ("state","status");--> statement-breakpoint
CREATE INDEX "admission_files_arrived" ON "admission_files" USING btree ("state","arrived_on");--> statement-breakpoint
CREATE INDEX "admission_pledges_state" ON "admission_pledges" USING btree ("state");--> statement-breakpoint
CREATE INDEX "statistics_facts_subject" ON "statistics_facts" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "statistics_daily_key" ON "statistics_daily" USING btree ("state","day","grouping","metric");--> statement-breakpoint
CREATE INDEX "statistics_monthly_key" ON "statistics_monthly" USING btree ("state","month","grouping","metric");