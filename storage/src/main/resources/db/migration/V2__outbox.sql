-- planbot schema, version 2: the transactional outbox, and the reminder sweep's per-tenant state.
-- Same conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds, dates ISO text.

-- "Send this": written in the same transaction as the decision that wants it sent. The idempotency key
-- (rem:{tenant}:{task}:{kind}:{date}, dig:{tenant}:{channel}:{isoWeek}) is UNIQUE, so a decision taken
-- twice (a sweep re-run, a second node, a Quartz misfire) stores one row: INSERT … ON CONFLICT DO NOTHING.
-- Delivery state lives on the row: NEW → SENDING (claimed; next_attempt_at is then the lease's end, so a
-- row whose dispatcher died is claimed again) → SENT, or back to NEW with a later next_attempt_at after a
-- transient failure, or DEAD with last_error after a permanent one.
CREATE TABLE outbox (
    id                   ${id},
    tenant_id            BIGINT  NOT NULL REFERENCES tenant (id),
    idempotency_key      TEXT    NOT NULL UNIQUE,
    kind                 TEXT    NOT NULL, -- a reminder kind (BEFORE_14, OVERDUE, …) or DIGEST
    task_id              BIGINT,           -- the task it is about (no FOREIGN KEY: see below)
    recipient_kind       TEXT    NOT NULL, -- OWNER, LEAD, MANAGER_CHANNEL, CHANNEL
    recipient_name       TEXT,             -- the person as the tracker names them, or the channel; null if unknown
    payload              TEXT    NOT NULL, -- JSON: what the message is about, for the renderer
    state                TEXT    NOT NULL, -- NEW, SENDING, SENT, DEAD
    attempts             INTEGER NOT NULL,
    next_attempt_at      BIGINT  NOT NULL,
    last_error           TEXT,
    platform_message_id  TEXT,             -- so a reply in the message's thread maps back to its task
    created_at           BIGINT  NOT NULL,
    sent_at              BIGINT
);
CREATE INDEX outbox_ready ON outbox (state, next_attempt_at);
-- task_id has no FOREIGN KEY on purpose: checking one costs a random read of the task table for every row, the
-- largest part of enqueueing 100,000 reminders into a million-task SQLite file; the sweep writes only ids it has
-- just read, and tasks are never deleted.

-- A tenant's reminder policy in its text form (ReminderPolicy.format in the scheduler); none means the defaults.
CREATE TABLE reminder_policy (
    id          ${id},
    tenant_id   BIGINT NOT NULL UNIQUE REFERENCES tenant (id),
    policy      TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- How far the reminder sweep has got for a tenant: every reminder moment up to handled_through (a date in the
-- tenant's zone) was decided under this policy text, by a sweep that read the tasks at swept_at. The next
-- sweep then looks only at moments after that day, at tasks changed since, and at snoozes that ended, instead
-- of at every task. Losing this row costs speed, never correctness: the sweep then looks at every task.
CREATE TABLE reminder_sweep (
    id               ${id},
    tenant_id        BIGINT NOT NULL UNIQUE REFERENCES tenant (id),
    handled_through  TEXT   NOT NULL,
    swept_at         BIGINT NOT NULL,
    policy           TEXT   NOT NULL
);

-- The sweep finds the tasks whose target date gives a reminder moment in a window, across tenants.
CREATE INDEX task_target_date ON task (target_date);
-- … and the tasks changed since the last sweep, and those whose last change was a whole number of "stale"
-- periods ago.
CREATE INDEX task_updated_at ON task (updated_at);
