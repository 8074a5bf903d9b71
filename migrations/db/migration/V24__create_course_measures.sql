-- Start and end measures per course (issue 17): for each service type of a rehabilitation period, the provider's
-- admin names the questionnaire modules every client answers at the start and at the end. Every save is a new row,
-- never edited: the newest row of a service type is what applies, the older ones say who changed what and when.
-- Module lists are slugs separated by commas, in the order the admin chose them.
CREATE TABLE course_measure_setting (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    service_type  VARCHAR(32)   NOT NULL,
    start_modules VARCHAR(1000) NOT NULL,
    end_modules   VARCHAR(1000) NOT NULL,
    changed_at    TIMESTAMP(3)  NOT NULL,
    changed_by    BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_course_measure_setting_changed_by FOREIGN KEY (changed_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Opening a period reads the newest setting of its service type.
CREATE INDEX ix_course_measure_setting_type ON course_measure_setting (service_type, id);

-- An assignment made as a course's start or end measure (NULL: assigned by hand), so the summary can set the
-- start answer beside the end answer of the same measure.
ALTER TABLE assignment
    ADD COLUMN measure VARCHAR(8) NULL,
    ADD CONSTRAINT ck_assignment_measure CHECK (measure IS NULL OR measure IN ('START', 'END'));
