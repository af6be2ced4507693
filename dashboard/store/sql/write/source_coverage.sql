-- Which sources each region-year rests on (the EAEU scope note of a period), from the whole declarations table:
-- the definition (rollups.rebuild); an import takes it again for the region-years it touched (source_coverage_touched).
DELETE FROM r_source_coverage;
INSERT INTO r_source_coverage (region, year, source_id)
SELECT DISTINCT region, year, source_id FROM trade ORDER BY region, year;
