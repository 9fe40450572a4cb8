-- The audit log is insert-only: no UPDATE, DELETE or TRUNCATE through any role (defence in depth; the hash
-- chain makes any change that bypasses this trigger detectable by `pact audit verify`). See docs/audit.md.
CREATE OR REPLACE FUNCTION pact_audit_log_is_insert_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is insert-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION pact_audit_log_is_insert_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION pact_audit_log_is_insert_only();
