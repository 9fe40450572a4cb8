CREATE TABLE "rollup_monthly" (
	"state" char(2) NOT NULL,
	"month" date NOT NULL,
	"key" text NOT NULL,
	"grp" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "rollup_monthly_state_month_key_grp_pk" PRIMARY KEY("state","month","key","grp")
);
--> statement-breakpoint
DROP INDEX "rollup_facts_state_due";--> statement-breakpoint
CREATE INDEX "rollup_facts_state_due_cover" ON "rollup_facts" USING btree ("state","due_at","day","key","grp") WHERE "rollup_facts"."due_at" is not null;--> statement-breakpoint
-- the months of the days already rolled up (an empty table on a new database; the refresh keeps both after)
INSERT INTO "rollup_monthly" ("state", "month", "key", "grp", "value")
  SELECT "state", date_trunc('month', "day"::timestamp)::date, "key", "grp", sum("value")::int FROM "rollup_daily"
  GROUP BY 1, 2, 3, 4;
