-- An exercise step names what its log asks (log: in module.yaml): a relaxation exercise or a meal logs the day and
-- minutes, without effort or pain, so those columns hold NULL for such entries. The checks still hold 0..10.
ALTER TABLE exercise_log MODIFY effort INT NULL, MODIFY pain INT NULL;
