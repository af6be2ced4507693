-- heading_year_build for a version with a segment made before r_heading_region (segments.DERIVED would sum that
-- segment's r_heading_month by month and then again by year): the same rows, from r_heading_month directly.
INSERT INTO seg.r_heading_year (region, year, flow, heading, value_cents, netto_kg)
SELECT region, year, flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
FROM r_heading_month GROUP BY ALL ORDER BY region, year;
INSERT INTO seg.r_heading_year_cover (region, year)
SELECT DISTINCT region, year FROM seg.r_heading_year ORDER BY region, year;
