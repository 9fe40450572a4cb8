CREATE TABLE "encounter_nationalities" (
	"encounter_id" uuid NOT NULL,
	"nationality" char(2) NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "encounter_nationalities_encounter_id_nationality_pk" PRIMARY KEY("encounter_id","nationality")
);
--> statement-breakpoint
ALTER TABLE "encounter_nationalities" ADD CONSTRAINT "encounter_nationalities_encounter_id_encounters_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounters"("id") ON DELETE no action ON UPDATE no action;