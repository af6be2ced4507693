-- A firm-count table (_new) replaces the counts of the same year, partner and kind.
DELETE FROM firms f WHERE EXISTS (
    SELECT 1 FROM _new n WHERE n.year = f.year AND n.partner = f.partner AND n.kind = f.kind);
INSERT INTO firms BY NAME SELECT *, $source_id AS source_id FROM _new;
