-- The employee sync's own copy of what it last read from each side, so that a run can read only
-- what changed upstream (Precoro allows about 3,000 requests a day) and still match over every
-- record: a conflict needs every record with the same email, changed or not.
-- A full reconcile replaces both tables; an incremental run upserts what it read.
CREATE TABLE employee_sync_precoro_user (
    id          bigint      PRIMARY KEY,
    email       text,
    first_name  text,
    last_name   text,
    enabled     boolean     NOT NULL,
    -- Precoro's updateDate, as read.
    updated_at  timestamptz,
    read_at     timestamptz NOT NULL,
    run_id      bigint      NOT NULL
);

CREATE TABLE employee_sync_netsuite_employee (
    id            text        PRIMARY KEY,
    entity_id     text,
    first_name    text,
    last_name     text,
    email         text,
    inactive      boolean     NOT NULL,
    -- NetSuite's lastmodifieddate, as read.
    last_modified timestamptz,
    read_at       timestamptz NOT NULL,
    run_id        bigint      NOT NULL
);

-- Where the next incremental read of each source starts: the upstream modification time of the
-- newest record read, minus an overlap. Written only when a run succeeded, so a failed run is
-- read again. No foreign key to sync_run: runs are history, the watermark is state.
CREATE TABLE employee_sync_watermark (
    source      text        PRIMARY KEY CHECK (source IN ('PRECORO_USERS', 'NETSUITE_EMPLOYEES')),
    read_from   timestamptz NOT NULL,
    newest_seen timestamptz,
    run_id      bigint      NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Runs before this migration all read everything.
ALTER TABLE sync_run ADD COLUMN mode text NOT NULL DEFAULT 'FULL' CHECK (mode IN ('FULL', 'INCREMENTAL'));
