-- planbot schema, version 16: secret calendar feed URLs (/ical/<secret>.ics), one row per URL handed out. Same
-- conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds.
--
-- The secret is stored only as its SHA-256 (hex), so whoever reads the database cannot subscribe with it; handle is the
-- first characters of that hash, printed with the URL so that an admin can revoke it (./planbot ical revoke HANDLE).
-- kind is 'plan' (name is the plan's name) or 'person' (name is the person's name as the plan writes it). A revoked
-- URL keeps its row (revoked_at set), so a revoked secret stays unknown rather than becoming free.
CREATE TABLE calendar_feed (
    id           ${id},
    tenant_id    BIGINT NOT NULL REFERENCES tenant (id),
    secret_hash  TEXT   NOT NULL UNIQUE,
    handle       TEXT   NOT NULL UNIQUE,
    kind         TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    created_by   TEXT   NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX calendar_feed_owner ON calendar_feed (tenant_id, kind, name);
