-- planbot schema, version 14: sign-in to the web pages without passwords. A person asks for a link in chat (/plan web)
-- or at the terminal (./planbot web link); opening it once makes a web session. Same conventions as V1: ${id} is the
-- vendor's key column, instants are epoch milliseconds.
--
-- Both secrets (the link's token, the session's id) are stored only as their SHA-256 (hex): whoever reads the database
-- can neither sign in nor take over a session. person_name is the plan's person as PersonRepository names them; the
-- role is read afresh from person on every request, so a demotion counts at once.

-- A link is good once, until expires_at: redeeming it sets used_at in one UPDATE … WHERE used_at IS NULL, so of two
-- clicks at once exactly one makes a session.
CREATE TABLE signin_link (
    id           ${id},
    tenant_id    BIGINT NOT NULL REFERENCES tenant (id),
    token_hash   TEXT   NOT NULL UNIQUE,
    person_name  TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    used_at      BIGINT
);

-- A session lasts while it is used (last_seen_at, idle limit) up to an absolute limit from created_at; sign-out sets
-- ended_at. The limits are the application's constants, not stored, so that changing them applies to every session.
CREATE TABLE web_session (
    id            ${id},
    tenant_id     BIGINT NOT NULL REFERENCES tenant (id),
    session_hash  TEXT   NOT NULL UNIQUE,
    person_name   TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    ended_at      BIGINT
);
