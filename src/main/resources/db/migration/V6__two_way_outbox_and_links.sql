-- One write engine for both directions, and links between records of any two systems.
--
-- Before: the outbox wrote to NetSuite only, each write stood for "a Procore id", and a link
-- joined a procore_id to a netsuite_id. Now a write names its destination system and the
-- record it stands for (system, type, id), and a link names both of its records (system, type,
-- id). Every existing row is kept and rewritten in place; nothing is dropped.
--
-- Record types are the upstream systems' own names: Procore vendor, project, wbs_code,
-- requisition; NetSuite vendor, job, otherChargePurchaseItem, vendorBill; Precoro supplier.

-- Links ------------------------------------------------------------------------------------------
-- The kind fixes which system is on which side (VENDOR: Procore vendor | NetSuite vendor;
-- SUPPLIER: Precoro supplier | NetSuite vendor; ...), see dev.trestle.links.LinkKind.
ALTER TABLE record_link RENAME COLUMN procore_id TO left_id;
ALTER TABLE record_link RENAME COLUMN netsuite_id TO right_id;
ALTER TABLE record_link
    ADD COLUMN left_system  text,
    ADD COLUMN left_type    text,
    ADD COLUMN right_system text,
    ADD COLUMN right_type   text;
UPDATE record_link SET left_system = 'PROCORE', right_system = 'NETSUITE',
       left_type  = CASE kind WHEN 'VENDOR' THEN 'vendor' WHEN 'PROJECT' THEN 'project' ELSE 'wbs_code' END,
       right_type = CASE kind WHEN 'VENDOR' THEN 'vendor' WHEN 'PROJECT' THEN 'job' ELSE 'otherChargePurchaseItem' END;
ALTER TABLE record_link
    ALTER COLUMN left_system SET NOT NULL, ALTER COLUMN left_type SET NOT NULL,
    ALTER COLUMN right_system SET NOT NULL, ALTER COLUMN right_type SET NOT NULL,
    ADD CHECK (left_system IN ('NETSUITE', 'PROCORE', 'PRECORO')),
    ADD CHECK (right_system IN ('NETSUITE', 'PROCORE', 'PRECORO')),
    ADD CHECK (left_system <> right_system);
ALTER TABLE record_link DROP CONSTRAINT record_link_kind_check;
ALTER TABLE record_link ADD CONSTRAINT record_link_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER'));
-- One to one per kind while linked, on each side.
DROP INDEX record_link_procore;
DROP INDEX record_link_netsuite;
CREATE UNIQUE INDEX record_link_left ON record_link (kind, left_system, left_id) WHERE unlinked_at IS NULL;
CREATE UNIQUE INDEX record_link_right ON record_link (kind, right_system, right_id) WHERE unlinked_at IS NULL;

-- Requests ---------------------------------------------------------------------------------------
-- A request writes into one system. Into NetSuite (an export) it waits for an accounting
-- approver; into Procore (an import) it is approved when asked for, as the seed says imports
-- happen on request. kind is an export kind (VENDOR, PROJECT, COST_CODES, SUBCONTRACTOR_INVOICE)
-- or an import kind (VENDORS, PROJECTS).
ALTER TABLE export_request ADD COLUMN destination text NOT NULL DEFAULT 'NETSUITE'
    CHECK (destination IN ('NETSUITE', 'PROCORE'));
ALTER TABLE export_request ALTER COLUMN destination DROP DEFAULT;
ALTER TABLE export_request DROP CONSTRAINT export_request_kind_check;
ALTER TABLE export_request ADD CONSTRAINT export_request_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODES', 'SUBCONTRACTOR_INVOICE', 'VENDORS', 'PROJECTS'));
CREATE INDEX export_request_destination ON export_request (destination, id);
-- Where the source record lives when its system needs that to find it: the Procore project of a
-- subcontractor invoice (Procore finds invoices only within their project). NULL otherwise.
ALTER TABLE export_request ADD COLUMN source_scope text;

-- The approved payload: each write {recordType, externalId, body, linkKind, procoreId} becomes
-- {destination, recordType, idempotencyKey, body, linkKind, source {system, type, id}}.
UPDATE export_request r SET payload = (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'destination', 'NETSUITE',
               'recordType', w -> 'recordType',
               'idempotencyKey', w -> 'externalId',
               'body', w -> 'body',
               'linkKind', w -> 'linkKind',
               'source', jsonb_build_object(
                   'system', 'PROCORE',
                   'type', CASE w ->> 'linkKind' WHEN 'VENDOR' THEN 'vendor' WHEN 'PROJECT' THEN 'project'
                                ELSE 'wbs_code' END,
                   'id', w -> 'procoreId')) ORDER BY position), '[]'::jsonb)::text
      FROM jsonb_array_elements(r.payload::jsonb) WITH ORDINALITY AS t (w, position));

-- Outbox rows ------------------------------------------------------------------------------------
--   destination      the system written to
--   idempotency_key  what makes repeating the write harmless: the NetSuite external id, or the
--                    Procore origin_id of an upsert by origin id
--   destination_id   the record's id in the destination once the write landed
--   source_*         the record the write stands for
--   origin_*         (V5) follow-up: the source record given the destination's id, for sources
--                    that keep one (Procore origin_id of vendors, projects and invoices)
ALTER TABLE export_delivery RENAME COLUMN external_id TO idempotency_key;
ALTER TABLE export_delivery RENAME COLUMN netsuite_id TO destination_id;
ALTER TABLE export_delivery RENAME COLUMN procore_id TO source_id;
ALTER TABLE export_delivery
    ADD COLUMN destination   text NOT NULL DEFAULT 'NETSUITE' CHECK (destination IN ('NETSUITE', 'PROCORE')),
    ADD COLUMN source_system text NOT NULL DEFAULT 'PROCORE' CHECK (source_system IN ('NETSUITE', 'PROCORE', 'PRECORO')),
    ADD COLUMN source_type   text;
UPDATE export_delivery SET source_type =
       CASE link_kind WHEN 'VENDOR' THEN 'vendor' WHEN 'PROJECT' THEN 'project' ELSE 'wbs_code' END;
ALTER TABLE export_delivery
    ALTER COLUMN source_type SET NOT NULL,
    ALTER COLUMN destination DROP DEFAULT,
    ALTER COLUMN source_system DROP DEFAULT;
ALTER TABLE export_delivery DROP CONSTRAINT export_delivery_link_kind_check;
ALTER TABLE export_delivery ADD CONSTRAINT export_delivery_link_kind_check
    CHECK (link_kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER'));
-- Each destination's due rows are claimed on their own: a paused system leaves the other's flowing.
DROP INDEX export_delivery_due;
CREATE INDEX export_delivery_due ON export_delivery (destination, next_attempt_at, id) WHERE status = 'PENDING';
