-- planbot schema, version 17: assessment templates (DESIGN.md §12), the framework sections a council scores itself
-- against. Same conventions as V1: ${id} is the vendor's key column, instants are epoch milliseconds.
--
-- A template is versioned by name within its tenant: a re-import adds version n+1 and keeps the old rows, because a
-- session (V18) points at the id of the version it voted on. The parts (statements, tips, questions) are read and
-- written only as a whole, never queried on their own, so they are one JSON document in parts_json (planbot's own
-- format, see JdbiTemplateRepository) rather than three more tables.
CREATE TABLE assess_template (
    id          ${id},
    tenant_id   BIGINT  NOT NULL REFERENCES tenant (id),
    name        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    source      TEXT    NOT NULL,
    parts_json  TEXT    NOT NULL,
    imported_at BIGINT  NOT NULL,
    UNIQUE (tenant_id, name, version)
);
