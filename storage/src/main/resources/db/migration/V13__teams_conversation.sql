-- planbot schema, version 13: the Microsoft Teams conversations planbot has seen in verified activities, so that it
-- can write to them later (a reminder DM, a digest in a channel). Same conventions as V1: ${id} is the vendor's key
-- column, instants are epoch milliseconds, an absent id is '' (never NULL).
--
-- service_url is kept exactly as the activity gave it (it differs by region and may carry a path): planbot never
-- builds one, and calls only those stored here. conversation_id is the conversation without a thread's
-- ';messageid=' suffix. kind is personal, channel or groupChat; user_* name the person of a personal chat (the Entra
-- object id, stable across bots, and the per-bot '29:' id). installed is 0 once the bot was removed.
CREATE TABLE teams_conversation (
    id                  ${id},
    conversation_id     TEXT    NOT NULL UNIQUE,
    service_url         TEXT    NOT NULL,
    kind                TEXT    NOT NULL,
    entra_tenant_id     TEXT    NOT NULL,
    team_id             TEXT    NOT NULL,
    channel_id          TEXT    NOT NULL,
    user_aad_object_id  TEXT    NOT NULL,
    user_id             TEXT    NOT NULL,
    installed           INTEGER NOT NULL,
    updated_at          BIGINT  NOT NULL
);
CREATE INDEX teams_conversation_personal ON teams_conversation (entra_tenant_id, user_aad_object_id);
CREATE INDEX teams_conversation_channel ON teams_conversation (channel_id);
