-- planbot schema, version 6 (PostgreSQL; db/vendor/sqlite has the same change for SQLite, with the reasons): the
-- outbox's UNIQUE key leads with the day of the decision, so a day's new reminder keys append to the index.
-- key_day is a function of the key (the date a rem: key ends with; '' for dig:/dead: keys): exactly as strict.
ALTER TABLE outbox ADD COLUMN key_day TEXT NOT NULL DEFAULT '';
UPDATE outbox SET key_day = substr(idempotency_key, length(idempotency_key) - 9) WHERE idempotency_key LIKE 'rem:%';
ALTER TABLE outbox ALTER COLUMN key_day DROP DEFAULT;
ALTER TABLE outbox DROP CONSTRAINT outbox_idempotency_key_key;
ALTER TABLE outbox ADD CONSTRAINT outbox_key_day_idempotency_key_key UNIQUE (key_day, idempotency_key);
