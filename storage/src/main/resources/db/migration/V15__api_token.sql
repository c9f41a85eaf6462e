-- planbot schema, version 15: integration tokens for the REST API (./planbot token create NAME --role ROLE). Same
-- conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds.
--
-- A token is stored only as its SHA-256 (hex): whoever reads the database cannot call the API with it. A token acts
-- in one tenant with one role; its name is unique in the tenant for good (a revoked token keeps its name, so that
-- the audit trail's "by NAME" never means two integrations). last_used_at is refreshed at most once a minute.
CREATE TABLE api_token (
    id            ${id},
    tenant_id     BIGINT NOT NULL REFERENCES tenant (id),
    name          TEXT   NOT NULL,
    role          TEXT   NOT NULL,
    token_hash    TEXT   NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT,
    UNIQUE (tenant_id, name)
);
