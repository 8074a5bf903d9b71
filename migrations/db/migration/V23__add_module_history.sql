-- Module history (issue 13): which Askel release first shipped a version loaded from exercises/ (NULL for a version
-- published in the browser, and for versions first loaded before this column existed: an earlier release).
ALTER TABLE content_module_version
    ADD COLUMN shipped_with VARCHAR(32) NULL;

-- The history counts the clients still working on each version of a module in one grouped query.
CREATE INDEX ix_assignment_module ON assignment (module_slug, module_version, status);
