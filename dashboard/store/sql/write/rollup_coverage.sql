-- Months loaded per region and year, from r_partner_month: the definition (rollups.rebuild); an import takes it
-- again for the region-years it touched (rollup_coverage_touched).
DELETE FROM r_region_coverage;
INSERT INTO r_region_coverage (region, year, last_month, months)
SELECT region, year, max(month) AS last_month, count(DISTINCT month) AS months
FROM r_partner_month GROUP BY ALL ORDER BY region, year;
