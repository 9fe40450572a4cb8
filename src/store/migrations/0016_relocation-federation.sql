CREATE TABLE "relocation_exchange" (
	"transfer_id" uuid PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"peer" char(2) NOT NULL,
	"proposal_received_at" timestamp with time zone,
	"reasons" text,
	"case_id" uuid,
	"arrived_at" timestamp with time zone,
	"not_appeared_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "relocation_exchange" ADD CONSTRAINT "relocation_exchange_transfer_id_relocation_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."relocation_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relocation_exchange_peer" ON "relocation_exchange" USING btree ("peer","direction");