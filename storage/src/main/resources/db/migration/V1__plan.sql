-- planbot schema, version 1: tenants, plans and their content, people, target-date history, audit.
-- One file for SQLite and PostgreSQL: ${id} is the vendor's auto-generated key column.
-- Instants are epoch milliseconds (BIGINT); dates are ISO text (yyyy-mm-dd), which sorts as dates do.
-- Never edit this file after it has landed: add V2__….sql instead.

CREATE TABLE tenant (
    id          ${id},
    slug        TEXT   NOT NULL UNIQUE,
    name        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE plan (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    name        TEXT   NOT NULL,
    layout      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE section (
    id          ${id},
    tenant_id   BIGINT  NOT NULL REFERENCES tenant (id),
    plan_id     BIGINT  NOT NULL REFERENCES plan (id),
    name        TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    UNIQUE (plan_id, name)
);

CREATE TABLE action (
    id              ${id},
    tenant_id       BIGINT  NOT NULL REFERENCES tenant (id),
    plan_id         BIGINT  NOT NULL REFERENCES plan (id),
    section_id      BIGINT  NOT NULL REFERENCES section (id),
    action_key      TEXT    NOT NULL,
    ref_key         TEXT    NOT NULL, -- RefKey.of(action_key): how typed refs find the action
    label           TEXT,
    label_key       TEXT,             -- RefKey.of(label)
    recommendation  TEXT    NOT NULL,
    status_word     TEXT,
    status_kind     TEXT,
    lead            TEXT,
    notes           TEXT,
    position        INTEGER NOT NULL,
    UNIQUE (plan_id, action_key)
);
CREATE INDEX action_tenant_key ON action (tenant_id, action_key);
CREATE INDEX action_tenant_ref_key ON action (tenant_id, ref_key);
CREATE INDEX action_tenant_label_key ON action (tenant_id, label_key);
CREATE INDEX action_tenant_label ON action (tenant_id, label);

CREATE TABLE task (
    id                ${id},
    tenant_id         BIGINT  NOT NULL REFERENCES tenant (id),
    plan_id           BIGINT  NOT NULL REFERENCES plan (id),
    action_id         BIGINT  NOT NULL REFERENCES action (id),
    ref               TEXT    NOT NULL,
    ref_key           TEXT    NOT NULL, -- RefKey.of(ref): how typed refs find the task
    description       TEXT    NOT NULL,
    status_word       TEXT,
    status_kind       TEXT,
    term              TEXT,
    start_kind        TEXT,
    start_date        TEXT,
    start_precision   TEXT,
    start_remark      TEXT,
    start_text        TEXT,
    target_kind       TEXT,
    target_date       TEXT,
    target_precision  TEXT,
    target_remark     TEXT,
    target_text       TEXT,
    timescale         TEXT,
    owner             TEXT,
    notes             TEXT,
    position          INTEGER NOT NULL,
    updated_at        BIGINT  NOT NULL,
    UNIQUE (plan_id, ref)
);
CREATE INDEX task_tenant_ref ON task (tenant_id, ref);
CREATE INDEX task_tenant_ref_key ON task (tenant_id, ref_key);
CREATE INDEX task_tenant_target ON task (tenant_id, target_date);
-- Lists by owner ("mine", "list owner Sam") compare names without regard to case: lower(owner) = ?.
CREATE INDEX task_tenant_owner_lower ON task (tenant_id, lower(owner));
CREATE INDEX task_action ON task (action_id);

CREATE TABLE person (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    name        TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    UNIQUE (tenant_id, name)
);

-- A person's accounts on chat platforms: (platform, workspace, user id) is one identity.
CREATE TABLE chat_identity (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    person_id   BIGINT NOT NULL REFERENCES person (id),
    platform    TEXT   NOT NULL,
    workspace   TEXT   NOT NULL,
    user_id     TEXT   NOT NULL,
    UNIQUE (platform, workspace, user_id)
);

-- Every change of a task's target date: from (null when the task had none) to, who, why, when.
CREATE TABLE target_date_revision (
    id           ${id},
    tenant_id    BIGINT NOT NULL REFERENCES tenant (id),
    task_id      BIGINT NOT NULL REFERENCES task (id),
    from_kind    TEXT,
    from_date    TEXT,
    from_precision TEXT,
    from_remark  TEXT,
    from_text    TEXT,
    to_kind      TEXT,
    to_date      TEXT,
    to_precision TEXT,
    to_remark    TEXT,
    to_text      TEXT,
    actor        TEXT   NOT NULL,
    source       TEXT   NOT NULL,
    reason       TEXT,
    at           BIGINT NOT NULL
);
CREATE INDEX revision_task ON target_date_revision (task_id, at);

CREATE TABLE audit_event (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    at          BIGINT NOT NULL,
    actor       TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    entity      TEXT   NOT NULL,
    entity_ref  TEXT   NOT NULL,
    change      TEXT   NOT NULL,
    before_value TEXT,
    after_value  TEXT,
    note        TEXT
);
CREATE INDEX audit_tenant_entity ON audit_event (tenant_id, entity_ref, at);

-- A task's reminders are paused until a day (snooze 1w, snooze 30/06/2024); the latest row wins.
CREATE TABLE task_snooze (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    task_id     BIGINT NOT NULL REFERENCES task (id),
    until_date  TEXT   NOT NULL,
    actor       TEXT   NOT NULL,
    source      TEXT   NOT NULL,
    reason      TEXT,
    at          BIGINT NOT NULL
);
CREATE INDEX snooze_task ON task_snooze (task_id, at);
