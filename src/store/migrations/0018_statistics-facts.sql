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
CREATE INDEX "statistics_facts_subject" ON "statistics_facts" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "statistics_daily_key" ON "statistics_daily" USING btree ("state","day","grouping","metric");--> statement-breakpoint
CREATE INDEX "statistics_monthly_key" ON "statistics_monthly" USING btree ("state","month","grouping","metric");