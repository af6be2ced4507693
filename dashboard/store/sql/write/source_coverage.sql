-- Which sources each region-year rests on (the EAEU scope note of a period): from the whole declarations table,
-- after an import that replaced months; otherwise each file adds its own region-years (rollups.add).
DELETE FROM r_source_coverage;
INSERT INTO r_source_coverage (region, year, source_id)
SELECT DISTINCT region, year, source_id FROM trade ORDER BY region, year;
