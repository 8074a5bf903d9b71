-- Every module version the service has served, as it was. Progress recorded on a version keeps
-- pointing at it, so an older version stays readable after the files in exercises/ move on.
CREATE TABLE content_module_version (
    slug            VARCHAR(64)  NOT NULL,
    version         INT          NOT NULL,
    structure_hash  CHAR(64)     NOT NULL,
    definition      LONGTEXT     NOT NULL,
    first_loaded_at TIMESTAMP(3) NOT NULL,
    updated_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (slug, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
