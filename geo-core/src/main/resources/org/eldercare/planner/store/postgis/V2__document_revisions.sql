-- V2: a revision per saved document (1 when first saved, +1 per save), for optimistic concurrency:
-- a revised save is an UPDATE ... WHERE revision = the one the caller read (docs/stores.md).

ALTER TABLE planner_documents
    ADD COLUMN revision bigint NOT NULL DEFAULT 1 CHECK (revision >= 1);
