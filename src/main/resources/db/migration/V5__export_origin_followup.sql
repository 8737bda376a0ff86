-- Once a NetSuite write landed, the Procore record's origin_id is follow-up work of its own on
-- the same outbox row: the export is EXPORTED at once, and the origin id is retried alone (never
-- writing to NetSuite again) until Procore takes it.
--   origin_status: NULL while there is nothing to record (write not landed yet, or a cost code,
--   whose link lives in NetSuite only); PENDING until Procore holds it; RECORDED; FAILED when
--   Procore refused it for good (a validation error, rejected credentials).
ALTER TABLE export_delivery
    ADD COLUMN origin_status          text CHECK (origin_status IN ('PENDING', 'RECORDED', 'FAILED')),
    -- Syncs that reached Procore for this row; a 429 or an open breaker pauses without counting.
    ADD COLUMN origin_attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN origin_next_attempt_at timestamptz,
    ADD COLUMN origin_claimed_until   timestamptz,
    ADD COLUMN origin_error_code      text,
    ADD COLUMN origin_error_detail    text,
    ADD COLUMN origin_recorded_at     timestamptz;

-- Rows delivered before this migration wrote their origin id in the same delivery.
UPDATE export_delivery SET origin_status = 'RECORDED', origin_recorded_at = delivered_at, origin_attempts = 1
 WHERE status = 'DELIVERED' AND link_kind IN ('VENDOR', 'PROJECT');

CREATE INDEX export_delivery_origin_due ON export_delivery (origin_next_attempt_at, id) WHERE origin_status = 'PENDING';
