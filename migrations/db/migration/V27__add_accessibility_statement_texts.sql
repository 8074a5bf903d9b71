-- The provider's own parts of the accessibility statement (issue 11): who provides the service, how far it
-- complies, when the statement was made and the service last assessed, how, where feedback goes and how soon it
-- is answered. Kept like the other client-facing texts; a value that is the same in every language (a choice,
-- a date, a number) is saved under each language.
ALTER TABLE readiness_text DROP CONSTRAINT ck_readiness_text_field;
ALTER TABLE readiness_text ADD CONSTRAINT ck_readiness_text_field CHECK (field IN ('SUPPORT_PHONE', 'SUPPORT_EMAIL',
    'SUPPORT_HOURS', 'EMERGENCY_INSTRUCTIONS', 'TECHNICAL_INSTRUCTIONS', 'ACCESSIBILITY_GAPS', 'A11Y_PROVIDER',
    'A11Y_CONFORMANCE', 'A11Y_STATEMENT_DATE', 'A11Y_ASSESSED_ON', 'A11Y_METHOD', 'A11Y_FEEDBACK', 'A11Y_RESPONSE_DAYS'));
