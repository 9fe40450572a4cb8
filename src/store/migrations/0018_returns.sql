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
