-- Months loaded per region and year: rebuilt from r_partner_month after every import (a few thousand rows).
DELETE FROM r_region_coverage;
INSERT INTO r_region_coverage (region, year, last_month, months)
SELECT region, year, max(month) AS last_month, count(DISTINCT month) AS months
FROM r_partner_month GROUP BY ALL ORDER BY region, year;
