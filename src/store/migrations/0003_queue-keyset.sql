DROP INDEX "obligations_open_due";--> statement-breakpoint
CREATE INDEX "obligations_open_due" ON "obligations" USING btree ("state","due_at","id") WHERE "obligations"."status" = 'open';