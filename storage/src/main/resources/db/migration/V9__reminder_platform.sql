-- planbot schema, version 9: which chat platform a person's reminders go to, when they are linked on several.
-- reminders_platform is the one they chose (/plan me reminders slack), NULL for "where I last used planbot";
-- last_platform is where they last used planbot (written only when it changes). Both are platform names as
-- chat_identity.platform stores them.
ALTER TABLE person ADD COLUMN reminders_platform TEXT;
ALTER TABLE person ADD COLUMN last_platform TEXT;
