-- A Comtrade file (_new) replaces the reporter-months it brings.
DELETE FROM comtrade c WHERE EXISTS (
    SELECT 1 FROM (SELECT DISTINCT reporter, year, month FROM _new) k
    WHERE k.reporter = c.reporter AND k.year = c.year AND k.month = c.month);
INSERT INTO comtrade BY NAME SELECT *, $source_id AS source_id FROM _new;
