-- planbot schema, version 5: chat workspaces, a tenant's channels, and inbound event deduplication.
-- Same conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds.

-- Which tenant a chat workspace belongs to. Slack keys an installation by (enterprise id, team id); an org-wide
-- install has no team id and a workspace outside an Enterprise Grid no enterprise id: both are '' then, never
-- NULL, so that the UNIQUE constraint holds (NULLs are distinct in a UNIQUE constraint on both vendors).
CREATE TABLE chat_workspace (
    id             ${id},
    platform       TEXT   NOT NULL,
    enterprise_id  TEXT   NOT NULL,
    team_id        TEXT   NOT NULL,
    tenant_id      BIGINT NOT NULL REFERENCES tenant (id),
    bound_at       BIGINT NOT NULL,
    UNIQUE (platform, enterprise_id, team_id)
);

-- A tenant's channels on a platform, one per purpose: PLAN (reminders for owners with no linked account,
-- naming them), MANAGER (escalations), ADMIN (dead-letter notices). address is the platform's channel id.
CREATE TABLE chat_channel (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    platform    TEXT   NOT NULL,
    purpose     TEXT   NOT NULL,
    address     TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL,
    UNIQUE (tenant_id, platform, purpose)
);

-- Events a platform delivered (Slack retries an event up to three times): the row is written in the same
-- transaction as the event's effect, so a retry of an event that took effect is seen and skipped, and a retry of
-- one whose effect failed (rolled back with its row) is handled as new.
CREATE TABLE inbound_event (
    id           ${id},
    platform     TEXT   NOT NULL,
    workspace    TEXT   NOT NULL,
    event_id     TEXT   NOT NULL,
    received_at  BIGINT NOT NULL,
    UNIQUE (platform, workspace, event_id)
);
