CREATE TABLE "statistics_monthly" (
	"state" char(2) NOT NULL,
	"month" date NOT NULL,
	"grouping" text NOT NULL,
	"grp" text,
	"metric" text NOT NULL,
	"value" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "statistics_monthly_state_grouping_month" ON "statistics_monthly" USING btree ("state","grouping","month");