-- planbot schema, version 12: the welcome each chat workspace gets once (planbot.doctor.Welcome). The row is
-- claimed with INSERT … ON CONFLICT DO NOTHING before the welcome is sent, so a restart, a second node or a second
-- App Home opening never sends it again. workspace_id is the team (or the enterprise of an org-wide install).
CREATE TABLE welcome (
    id            ${id},
    platform      TEXT   NOT NULL,
    workspace_id  TEXT   NOT NULL,
    tenant_id     BIGINT NOT NULL REFERENCES tenant (id),
    user_id       TEXT   NOT NULL,
    sent_at       BIGINT NOT NULL,
    UNIQUE (platform, workspace_id)
);
