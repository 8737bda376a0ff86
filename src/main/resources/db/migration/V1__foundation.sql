-- The hub's own state. Upstream records stay upstream; the hub keeps how they relate.

-- One row: how this installation of the integration is set up.
CREATE TABLE integration_settings (
    id                        smallint PRIMARY KEY CHECK (id = 1),
    -- When the integration was connected; records created before it cannot be synced.
    connected_at              timestamptz NOT NULL DEFAULT now(),
    -- "Sync Employee": irreversible once on (enforced by the service and by the trigger below).
    employee_sync_enabled     boolean     NOT NULL DEFAULT false,
    employee_sync_enabled_at  timestamptz,
    employee_sync_enabled_by  text
);
INSERT INTO integration_settings (id) VALUES (1);

-- Belt and braces: even a hand-written UPDATE cannot turn employee sync off again.
CREATE FUNCTION employee_sync_stays_on() RETURNS trigger AS $$
BEGIN
    IF OLD.employee_sync_enabled AND NOT NEW.employee_sync_enabled THEN
        RAISE EXCEPTION 'employee sync is irreversible once enabled';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER integration_settings_employee_sync_stays_on
    BEFORE UPDATE ON integration_settings
    FOR EACH ROW EXECUTE FUNCTION employee_sync_stays_on();

-- The hub's view of each Precoro user and the NetSuite employee it is matched to.
CREATE TABLE employee_mapping (
    precoro_user_id       bigint      PRIMARY KEY,
    email                 text,
    normalized_email      text,
    name                  text,
    status                text        NOT NULL CHECK (status IN ('MAPPED', 'NOT_MAPPED', 'CONFLICT')),
    reason_code           text,
    reason                text,
    netsuite_employee_id  text,
    -- For a conflict: every record that claims the same email, so a person can decide.
    -- JSON text (see ConflictCandidatesConverter).
    candidates            text        NOT NULL DEFAULT '[]',
    matched_at            timestamptz,
    evaluated_at          timestamptz NOT NULL,
    run_id                bigint
);
CREATE INDEX employee_mapping_status ON employee_mapping (status);
CREATE INDEX employee_mapping_normalized_email ON employee_mapping (normalized_email);

-- Every change of a mapping (status, email or matched employee), never updated or deleted.
CREATE TABLE employee_mapping_change (
    id                        bigserial   PRIMARY KEY,
    precoro_user_id           bigint      NOT NULL,
    changed_at                timestamptz NOT NULL,
    run_id                    bigint,
    old_status                text,
    new_status                text        NOT NULL,
    old_email                 text,
    new_email                 text,
    old_netsuite_employee_id  text,
    new_netsuite_employee_id  text,
    reason                    text
);
CREATE INDEX employee_mapping_change_user ON employee_mapping_change (precoro_user_id, id);

-- Each sync run: when, why, what it counted, how it ended.
CREATE TABLE sync_run (
    id            bigserial   PRIMARY KEY,
    kind          text        NOT NULL,
    trigger       text        NOT NULL,
    requested_by  text,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL,
    finished_at   timestamptz,
    scanned       integer     NOT NULL DEFAULT 0,
    mapped        integer     NOT NULL DEFAULT 0,
    not_mapped    integer     NOT NULL DEFAULT 0,
    conflicts     integer     NOT NULL DEFAULT 0,
    unchanged     integer     NOT NULL DEFAULT 0,
    error         text
);
-- At most one run of a kind at a time, across every replica sharing this database.
CREATE UNIQUE INDEX sync_run_one_running ON sync_run (kind) WHERE status = 'RUNNING';
CREATE INDEX sync_run_kind_started ON sync_run (kind, id DESC);

-- Who did what, when: settings changes, requests, decisions.
CREATE TABLE audit_event (
    id            bigserial   PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    subject_type  text        NOT NULL,
    subject_id    text        NOT NULL,
    details       text
);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id, id);
