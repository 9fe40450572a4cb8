-- Writers extend the audit chain optimistically: each computes its entries from the head it read, and the
-- primary key on audit_log.seq refuses a second entry at the same position, so a writer that read a stale
-- head fails and retries (see src/store/chain-retry.ts). A statement that finds the state it was decided
-- against has changed (an idempotency key taken meanwhile, a crisis declared meanwhile) calls this function:
-- it aborts the whole statement with SQLSTATE 40001 (serialization_failure), which the writer retries.
CREATE OR REPLACE FUNCTION pact_conflict(reason text) RETURNS integer AS $$
BEGIN
  RAISE EXCEPTION 'pact: %', reason USING ERRCODE = 'serialization_failure';
END;
$$ LANGUAGE plpgsql VOLATILE;
