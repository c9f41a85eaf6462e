-- Lists by owner ("mine", "list owner Sam") compare names without regard to case: lower(owner) = ?.
-- The plain (tenant_id, owner) index cannot serve that, so each such list read every task of the tenant.
CREATE INDEX task_tenant_owner_lower ON task (tenant_id, lower(owner));
