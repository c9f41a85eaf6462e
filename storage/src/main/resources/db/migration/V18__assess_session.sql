-- planbot schema, version 18: assessment sessions run with a team in a channel (DESIGN §12). Same conventions as V1:
-- ${id} is the vendor's key column, instants are epoch milliseconds, booleans are INTEGER 0/1.
--
-- A session votes on one stored template version (template_id, V17); its template name is kept for finding the last
-- session of the same template. open_channel is the channel while the session runs and NULL once it ended: the unique
-- key allows one running session per channel (NULLs never collide, on SQLite and PostgreSQL alike). channel is
-- "console" for the console, else "<platform>:<workspace>:<channel id>". invited is how many voted on the first part
-- (counted at its reveal): a later part reveals itself once that many have voted.
CREATE TABLE assess_session (
    id             ${id},
    tenant_id      BIGINT  NOT NULL REFERENCES tenant (id),
    template_id    BIGINT  NOT NULL,
    template_name  TEXT    NOT NULL,
    plan_name      TEXT    NOT NULL,
    channel        TEXT    NOT NULL,
    open_channel   TEXT,
    facilitator    TEXT    NOT NULL,
    anonymous      INTEGER NOT NULL,
    salt           TEXT    NOT NULL,
    part_number    INTEGER NOT NULL,
    revealed       INTEGER NOT NULL,
    invited        INTEGER NOT NULL,
    started_at     BIGINT  NOT NULL,
    ended_at       BIGINT,
    UNIQUE (tenant_id, open_channel)
);
CREATE INDEX assess_session_template ON assess_session (tenant_id, template_name, started_at);

-- One vote per voter per part: voter is the voter's name in a named session; in an anonymous one a salted hash until
-- the reveal, then replaced by 'v<id>' so that nothing ties it to a person. score NULL is an abstention.
CREATE TABLE assess_vote (
    id           ${id},
    session_id   BIGINT  NOT NULL REFERENCES assess_session (id),
    part_number  INTEGER NOT NULL,
    voter        TEXT    NOT NULL,
    score        INTEGER,
    at           BIGINT  NOT NULL,
    UNIQUE (session_id, part_number, voter)
);

-- What a part came to: the spread at the reveal (counts is "1:0 2:1 3:3 4:1 5:0"), then the agreed and target scores.
CREATE TABLE assess_outcome (
    id             ${id},
    session_id     BIGINT  NOT NULL REFERENCES assess_session (id),
    part_number    INTEGER NOT NULL,
    lowest         INTEGER,
    highest        INTEGER,
    counts         TEXT    NOT NULL,
    abstained      INTEGER NOT NULL,
    agreed_score   INTEGER,
    agreed_reason  TEXT,
    target_score   INTEGER,
    target_reason  TEXT,
    revealed_at    BIGINT  NOT NULL,
    UNIQUE (session_id, part_number)
);

-- A tip taken up or dismissed, with why; an adopted tip names the task it became.
CREATE TABLE assess_tip_decision (
    id           ${id},
    session_id   BIGINT  NOT NULL REFERENCES assess_session (id),
    part_number  INTEGER NOT NULL,
    tip_number   INTEGER NOT NULL,
    adopted      INTEGER NOT NULL,
    reason       TEXT,
    decided_by   TEXT    NOT NULL,
    at           BIGINT  NOT NULL,
    UNIQUE (session_id, part_number, tip_number)
);

-- The plan tasks a session made, each linked back to its part and (for an adopted tip) its tip number.
CREATE TABLE assess_action (
    id           ${id},
    session_id   BIGINT  NOT NULL REFERENCES assess_session (id),
    part_number  INTEGER NOT NULL,
    tip_number   INTEGER,
    task_id      BIGINT  NOT NULL REFERENCES task (id),
    UNIQUE (task_id)
);
CREATE INDEX assess_action_session ON assess_action (session_id);
