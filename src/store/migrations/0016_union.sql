CREATE TABLE "union_figures" (
	"state" char(2) NOT NULL,
	"month" text NOT NULL,
	"body" jsonb NOT NULL,
	"message_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "union_figures_state_month_pk" PRIMARY KEY("state","month")
);
--> statement-breakpoint
CREATE TABLE "union_figures_sent" (
	"month" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"by" text NOT NULL
);
