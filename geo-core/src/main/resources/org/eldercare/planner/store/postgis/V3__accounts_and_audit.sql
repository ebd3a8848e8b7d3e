-- V2: accounts and the audit log of a shared planner server (planner-web, docs/security.md).
-- planner_users: one account a row, as a line of the users file (NAME = ROLE HASH); the hash is
-- pbkdf2-sha256$ITERATIONS$SALT$HASH, never a password.
-- planner_audit: append-only; every sign-in, sign-out and write with who, when, what and the outcome.

CREATE TABLE planner_users (
    name          text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    role          text NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
    password_hash text NOT NULL CHECK (password_hash LIKE 'pbkdf2-sha256$%'),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE planner_audit (
    id        bigserial PRIMARY KEY,
    time      timestamptz NOT NULL,
    user_name text,
    role      text,
    method    text NOT NULL,
    path      text NOT NULL,
    status    integer NOT NULL,
    what      text,
    client    text
);

CREATE FUNCTION planner_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'planner_audit is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER planner_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON planner_audit
    FOR EACH STATEMENT EXECUTE FUNCTION planner_audit_append_only();
