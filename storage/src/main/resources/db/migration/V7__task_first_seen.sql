-- planbot schema, version 7: when planbot first saw each task.
-- Escalations are for slips planbot watched happen: an escalation whose moment (target date + 10 or 20 working
-- days) passed before the task was imported is not sent — an imported plan's old overdue items reach the owners
-- once and the managers through the weekly digest, not as one escalation per task on the first morning.
-- Tasks already stored take their plan's creation (its first import) as the day they were first seen.
ALTER TABLE task ADD COLUMN first_seen_at BIGINT;
UPDATE task SET first_seen_at = (SELECT p.created_at FROM plan p WHERE p.id = task.plan_id);
