-- planbot schema, version 4: digest subscriptions. (V3 is another change's; Flyway applies versions in order.)
-- Same conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds.

-- Which channel gets the weekly digest of which plan or section, and when: day_of_week (ISO, 1 = Monday) at
-- local_time (HH:MM) in zone. plan NULL means every plan of the tenant; section NULL every section ('' is a real
-- section: a tracker without section headers).
-- The UNIQUE key is on plan_key and section_key rather than plan and section: NULLs are distinct in a UNIQUE
-- constraint on both vendors, so (tenant, channel, NULL, NULL) could be stored twice; and names match ignoring
-- case, as the digest reads them. A key is '' for "all" and '=' || lower(name) for one
-- (JdbiSubscriptionRepository computes them).
-- last_digest_at is the moment the last digest of this subscription was built: the next one covers the time
-- since, however many weeks that is. created_at keeps a new subscription from being sent the slot it was
-- created after.
CREATE TABLE digest_subscription (
    id              ${id},
    tenant_id       BIGINT  NOT NULL REFERENCES tenant (id),
    channel         TEXT    NOT NULL,
    plan            TEXT,
    section         TEXT,
    plan_key        TEXT    NOT NULL,
    section_key     TEXT    NOT NULL,
    day_of_week     INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    local_time      TEXT    NOT NULL,
    zone            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    last_digest_at  BIGINT,
    UNIQUE (tenant_id, channel, plan_key, section_key)
);
