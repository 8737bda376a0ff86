-- Approval-gated exports to NetSuite, and the links between Procore and NetSuite records.

-- The company's designated accounting approvers: only they may approve an export.
CREATE TABLE accounting_approver (
    user_name      text        PRIMARY KEY,
    designated_by  text        NOT NULL,
    designated_at  timestamptz NOT NULL
);

-- Which Procore record is the same thing as which NetSuite record, how that was decided and
-- when. An unlinked row is kept (unlinked_at set) so the history stays readable.
CREATE TABLE record_link (
    id           bigserial   PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODE')),
    procore_id   text        NOT NULL,
    netsuite_id  text        NOT NULL,
    method       text        NOT NULL CHECK (method IN ('MANUAL', 'EXPORT', 'IMPORT')),
    linked_by    text        NOT NULL,
    linked_at    timestamptz NOT NULL,
    unlinked_by  text,
    unlinked_at  timestamptz
);
-- One to one while linked.
CREATE UNIQUE INDEX record_link_procore ON record_link (kind, procore_id) WHERE unlinked_at IS NULL;
CREATE UNIQUE INDEX record_link_netsuite ON record_link (kind, netsuite_id) WHERE unlinked_at IS NULL;

-- An export a requester asked for, with the exact NetSuite writes it will make.
CREATE TABLE export_request (
    id                 bigserial   PRIMARY KEY,
    kind               text        NOT NULL CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODES')),
    source_id          text        NOT NULL,
    status             text        NOT NULL
                       CHECK (status IN ('PENDING', 'APPROVED', 'EXPORTING', 'EXPORTED', 'FAILED', 'REJECTED')),
    requested_by       text        NOT NULL,
    requested_at       timestamptz NOT NULL,
    decided_by         text,
    decided_at         timestamptz,
    rejection_reason   text,
    -- JSON: the NetSuite writes, each {recordType, externalId, body}; what the approver approves.
    payload            text        NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz,
    last_error_code    text,
    last_error_detail  text,
    finished_at        timestamptz
);
-- At most one open request per source: a second request would export the same thing twice.
CREATE UNIQUE INDEX export_request_open ON export_request (kind, source_id)
    WHERE status IN ('PENDING', 'APPROVED', 'EXPORTING');
CREATE INDEX export_request_status ON export_request (status, id);

-- The outbox: one NetSuite write per row, inserted in the approval's transaction and delivered
-- by the export worker. Writes are upserts by external id, so delivering a row twice (after a
-- crash or an unknown outcome) still leaves one NetSuite record.
CREATE TABLE export_delivery (
    id                 bigserial   PRIMARY KEY,
    export_request_id  bigint      NOT NULL REFERENCES export_request (id),
    position           integer     NOT NULL,
    record_type        text        NOT NULL,
    external_id        text        NOT NULL,
    body               text        NOT NULL,
    -- The Procore record this write stands for: linked to the NetSuite record once delivered,
    -- and (vendors, projects) given the NetSuite id as its origin_id.
    link_kind          text        NOT NULL CHECK (link_kind IN ('VENDOR', 'PROJECT', 'COST_CODE')),
    procore_id         text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    -- A replica that claims a row holds it until then; if it dies, another takes over after.
    claimed_until      timestamptz,
    netsuite_id        text,
    last_error_code    text,
    last_error_detail  text,
    delivered_at       timestamptz,
    UNIQUE (export_request_id, position)
);
CREATE INDEX export_delivery_due ON export_delivery (next_attempt_at, id) WHERE status = 'PENDING';
