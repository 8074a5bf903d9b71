-- Which translations of a draft are older than their Finnish text (issue 13): a JSON list of draft paths such
-- as "steps.2.title.sv", set when a save changes a text's Finnish and leaves that language as it was, cleared
-- when that language is saved with a new text. Shown to the authors; publishing only warns.
ALTER TABLE content_draft ADD COLUMN outdated TEXT NULL;
