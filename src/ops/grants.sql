-- Askel: the restricted runtime account's privileges, table by table (OPERATIONS.md, "Database").
--
-- Run as the schema owner (or root) in Askel's database after creating the database and after every upgrade:
--   mariadb --init-command="SET @askel_user='askel_app', @askel_host='localhost'" askel < grants.sql
-- (without --init-command the account is 'askel_app'@'%'). The service runs this same script itself after each
-- migration when it migrates as the owner (quarkus.flyway.username) and runs as another account.
--
-- Per table, because a database-wide grant would let the service change or delete the access log:
-- access_event is append-only (SELECT, INSERT) except for the three columns the sealer fills in when it seals an
-- event into the chain (UPDATE (seq, prev_hash, hash): changing a sealed one is caught by the chain and the signed
-- checkpoints), access_chain holds only its head row (SELECT, UPDATE),
-- flyway_schema_history is read-only; every other table and sequence gets SELECT, INSERT, UPDATE, DELETE.
-- Nothing is ever granted to create, alter or drop tables.
DELIMITER //
BEGIN NOT ATOMIC
  DECLARE account VARCHAR(400) DEFAULT CONCAT(QUOTE(COALESCE(@askel_user, 'askel_app')), '@',
                                              QUOTE(COALESCE(@askel_host, '%')));
  IF DATABASE() IS NULL THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'grants.sql: choose Askel''s database first (mariadb … askel < grants.sql)';
  END IF;
  FOR t IN (SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = DATABASE() AND table_type IN ('BASE TABLE', 'SEQUENCE', 'VIEW')) DO
    EXECUTE IMMEDIATE CONCAT('GRANT ',
        CASE t.name WHEN 'access_event' THEN 'SELECT, INSERT, UPDATE (seq, prev_hash, hash)'
                    WHEN 'access_chain' THEN 'SELECT, UPDATE'
                    WHEN 'flyway_schema_history' THEN 'SELECT'
                    ELSE 'SELECT, INSERT, UPDATE, DELETE' END,
        ' ON `', DATABASE(), '`.`', t.name, '` TO ', account);
  END FOR;
END //
DELIMITER ;
