-- Imports from NetSuite into Procore are recorded as runs, as syncs are: when, why, how much was
-- read, what was queued into the outbox, and the notes a person must read (drift, records held
-- back). The money imports read only what changed since their watermark.
CREATE TABLE import_run (
    id                bigserial   PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('VENDORS', 'PROJECTS', 'BILL_PAYMENTS', 'DIRECT_COSTS')),
    mode              text        NOT NULL CHECK (mode IN ('FULL', 'INCREMENTAL')),
    trigger           text        NOT NULL CHECK (trigger IN ('SCHEDULED', 'ON_REQUEST')),
    requested_by      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at        timestamptz NOT NULL,
    heartbeat_at      timestamptz NOT NULL,
    finished_at       timestamptz,
    -- NetSuite changes read from (lastmodifieddate at or after); null when the run read everything.
    read_from         timestamptz,
    scanned           integer     NOT NULL DEFAULT 0,
    queued            integer     NOT NULL DEFAULT 0,
    skipped           integer     NOT NULL DEFAULT 0,
    -- A JSON array of strings.
    notes             text        NOT NULL DEFAULT '[]',
    -- The outbox request holding the run's writes; null when it had none to queue.
    export_request_id bigint      REFERENCES export_request (id),
    error_code        text,
    error             text
);
-- At most one run of a kind at a time, across every replica sharing this database.
CREATE UNIQUE INDEX import_run_one_running ON import_run (kind) WHERE status = 'RUNNING';
CREATE INDEX import_run_kind_started ON import_run (kind, id DESC);

-- Where the next incremental read of each import starts: the moment its last successful run
-- asked NetSuite, minus an overlap. Written only when a run's writes are in the outbox, so a
-- failed run is read again.
CREATE TABLE import_watermark (
    kind        text        PRIMARY KEY CHECK (kind IN ('BILL_PAYMENTS', 'DIRECT_COSTS')),
    read_from   timestamptz NOT NULL,
    run_id      bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- NetSuite vendor bills and journal entries become Procore direct costs.
ALTER TABLE export_request DROP CONSTRAINT export_request_kind_check;
ALTER TABLE export_request ADD CONSTRAINT export_request_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODES', 'SUBCONTRACTOR_INVOICE', 'VENDORS', 'PROJECTS', 'BILL_PAYMENTS',
                    'DIRECT_COSTS'));
ALTER TABLE record_link DROP CONSTRAINT record_link_kind_check;
ALTER TABLE record_link ADD CONSTRAINT record_link_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER', 'COMMITMENT_PAYMENT', 'DIRECT_COST'));
ALTER TABLE export_delivery DROP CONSTRAINT export_delivery_link_kind_check;
ALTER TABLE export_delivery ADD CONSTRAINT export_delivery_link_kind_check
    CHECK (link_kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER', 'COMMITMENT_PAYMENT', 'DIRECT_COST'));
