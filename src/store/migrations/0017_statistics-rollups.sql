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
CREATE INDEX "rollup_facts_subject" ON "rollup_facts" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "rollup_facts_state_due" ON "rollup_facts" USING btree ("state","due_at","day") WHERE "rollup_facts"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "statistics_monthly_state_grouping_month" ON "statistics_monthly" USING btree ("state","grouping","month");