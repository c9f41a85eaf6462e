-- planbot schema, version 8: an audit event about a task can say which task (by id), because two plans of one tenant
-- may share a ref (generic trackers number their rows 1, R1, 1.1). Events written before, and events whose writer
-- does not know the task, keep a null task_id and stay shown for every task with their ref.
ALTER TABLE audit_event ADD COLUMN task_id BIGINT;
