-- The whole-year rollup of a version made before it, from the monthly heading rollup as this version sees it
-- (withdrawn months hidden): once, at the version's first publication by this release. From r_heading_month
-- rather than r_heading_region, which a segment of that age lacks (it would be summed twice).
CREATE TABLE r_heading_year AS
SELECT region, year, flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
FROM r_heading_month GROUP BY ALL ORDER BY region, year;
