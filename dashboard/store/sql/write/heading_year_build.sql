-- The first publication of a version whose segments cover no year (made before the segments held the whole-year
-- rollup, or by a release before it): every region-year's rows, from r_heading_region as this version sees it
-- (withdrawn months hidden; with a segment lacking that table: heading_year_build_months), into the new segment,
-- which then covers every region-year.
INSERT INTO seg.r_heading_year (region, year, flow, heading, value_cents, netto_kg)
SELECT region, year, flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
FROM r_heading_region GROUP BY ALL ORDER BY region, year;
INSERT INTO seg.r_heading_year_cover (region, year)
SELECT DISTINCT region, year FROM seg.r_heading_year ORDER BY region, year;
