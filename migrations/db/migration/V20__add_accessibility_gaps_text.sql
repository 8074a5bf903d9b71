-- The provider's own known accessibility gaps (the statement at /help/accessibility), one more client-facing
-- text the admin edits per language beside the support contacts and the instructions.
ALTER TABLE readiness_text DROP CONSTRAINT ck_readiness_text_field;
ALTER TABLE readiness_text ADD CONSTRAINT ck_readiness_text_field CHECK (field IN ('SUPPORT_PHONE', 'SUPPORT_EMAIL',
    'SUPPORT_HOURS', 'EMERGENCY_INSTRUCTIONS', 'TECHNICAL_INSTRUCTIONS', 'ACCESSIBILITY_GAPS'));
