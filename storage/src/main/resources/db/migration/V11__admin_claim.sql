-- planbot schema, version 11: one-time codes that make a council's first admin in chat (./planbot admin code, then
-- /plan admin claim CODE), and the failed tries at them, for the per-workspace rate limit.
-- Same conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds.

-- A code is stored only as its SHA-256 (hex): whoever reads the database cannot claim with it. It is for one tenant,
-- good until expires_at, and once: used_at and used_by (the chat account, "slack T0123/U0123") are set by the claim.
CREATE TABLE admin_claim_code (
    id          ${id},
    tenant_id   BIGINT NOT NULL REFERENCES tenant (id),
    code_hash   TEXT   NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    used_by     TEXT
);

-- Each refused claim (a wrong, used or expired code, or another council's): a workspace with too many in a while
-- must wait. Every attempt, refused or not, is also in the audit trail of the workspace's tenant.
CREATE TABLE admin_claim_failure (
    id          ${id},
    platform    TEXT   NOT NULL,
    workspace   TEXT   NOT NULL,
    user_id     TEXT   NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX admin_claim_failure_workspace ON admin_claim_failure (platform, workspace, at);
