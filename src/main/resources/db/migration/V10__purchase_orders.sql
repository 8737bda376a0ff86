-- Precoro purchase orders become NetSuite purchase orders.

ALTER TABLE export_request DROP CONSTRAINT export_request_kind_check;
ALTER TABLE export_request ADD CONSTRAINT export_request_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODES', 'SUBCONTRACTOR_INVOICE', 'VENDORS', 'PROJECTS', 'BILL_PAYMENTS',
                    'DIRECT_COSTS', 'PURCHASE_ORDER'));
ALTER TABLE record_link DROP CONSTRAINT record_link_kind_check;
ALTER TABLE record_link ADD CONSTRAINT record_link_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER', 'COMMITMENT_PAYMENT', 'DIRECT_COST',
                    'PURCHASE_ORDER'));
ALTER TABLE export_delivery DROP CONSTRAINT export_delivery_link_kind_check;
ALTER TABLE export_delivery ADD CONSTRAINT export_delivery_link_kind_check
    CHECK (link_kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER', 'COMMITMENT_PAYMENT', 'DIRECT_COST',
                       'PURCHASE_ORDER'));
-- A Precoro supplier that Precoro's own NetSuite integration already carries a NetSuite id for is linked by that id.
ALTER TABLE record_link DROP CONSTRAINT record_link_method_check;
ALTER TABLE record_link ADD CONSTRAINT record_link_method_check
    CHECK (method IN ('MANUAL', 'EXPORT', 'IMPORT', 'ERP_ID'));

-- What the approver must read beside the writes (a NetSuite field left empty, and why): a JSON array of strings.
ALTER TABLE export_request ADD COLUMN preview_notes text NOT NULL DEFAULT '[]';

-- "Approve Precoro-approved purchase orders automatically": off unless an admin turns it on.
ALTER TABLE integration_settings
    ADD COLUMN auto_approve_purchase_orders    boolean NOT NULL DEFAULT false,
    ADD COLUMN auto_approve_purchase_orders_by text,
    ADD COLUMN auto_approve_purchase_orders_at timestamptz;

-- The hub's view of each Precoro purchase order it has heard of (a webhook, the poll, a manual send): what it last
-- read of it and what became of it. A webhook only marks the row due (one upsert, before the answer), so that many
-- events for one PO, duplicates included, are one read of the PO as it is then.
CREATE TABLE purchase_order (
    idn               bigint      PRIMARY KEY,
    -- Set when an event or the poll said the PO changed; cleared once the PO has been read and planned since.
    due_at            timestamptz,
    claimed_until     timestamptz,
    -- Reads that failed in a row (a Precoro outage); reset once one succeeds.
    attempts          integer     NOT NULL DEFAULT 0,
    events            integer     NOT NULL DEFAULT 0,
    last_event_at     timestamptz,
    -- What was read (null until the first read).
    precoro_id        bigint,
    number            text,
    status            integer,
    supplier_id       bigint,
    supplier_name     text,
    purchaser_id      bigint,
    purchaser_email   text,
    currency          text,
    net_total         numeric,
    precoro_updated_at timestamptz,
    read_at           timestamptz,
    -- NOT_APPROVED, NOT_EXPORTABLE (reason says what is missing), REQUESTED (export_request_id), UNCHANGED (what
    -- NetSuite has is what Precoro has), READ_FAILED (reason; retried).
    state             text        CHECK (state IN ('NOT_APPROVED', 'NOT_EXPORTABLE', 'REQUESTED', 'UNCHANGED',
                                                   'READ_FAILED')),
    reason            text,
    export_request_id bigint      REFERENCES export_request (id)
);
CREATE INDEX purchase_order_due ON purchase_order (due_at, idn) WHERE due_at IS NOT NULL;

-- Where the next poll of Precoro's approved purchase orders starts (modifiedSince).
CREATE TABLE purchase_order_poll (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    read_from  timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
