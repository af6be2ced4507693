-- commodity_structure.sql for a whole year (months 1-12): the same rows, from the whole-year rollup r_heading_year
-- (the region's headings summed over the months: ~2,400 rows a region-year, where r_heading_region holds ~25,000
-- and a segment made before it r_heading_month's ~194,000; a version without it reads it as a view over them).
-- Params: region, year.
WITH t AS (
    SELECT flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
    FROM r_heading_year
    WHERE region = $region AND year = $year
    GROUP BY flow, heading
)
SELECT t.flow, c.section, substr(t.heading, 1, 2) AS chapter, t.heading, t.value_cents,
       t.value_cents / 100 AS value_usd, t.netto_kg
FROM t
LEFT JOIN hs_chapters c ON c.chapter = substr(t.heading, 1, 2)
ORDER BY t.value_cents DESC, t.flow, t.heading;
