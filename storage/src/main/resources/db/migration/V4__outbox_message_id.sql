-- planbot schema, version 3: find an outbox row by the platform's id of the message it became.
-- A reply in a reminder's thread (or a click on its button) names the message it answers; the delivery layer
-- looks that id up to learn which task the reminder was about. Not UNIQUE: a messenger's ids are unique per
-- platform only as far as the messenger qualifies them (a Slack ts is unique per channel), and a row re-sent
-- after a crash gets the newer id; the look-up takes the latest.
CREATE INDEX outbox_platform_message ON outbox (platform_message_id);
