-- An approver's retry gives a write a fresh budget of automatic retries: attempts before the
-- approver's retry do not count against trestle.exports.max-attempts. attempts keeps counting
-- every attempt, for the dashboard and the audit trail.
ALTER TABLE export_delivery ADD COLUMN attempts_before_retry integer NOT NULL DEFAULT 0;
