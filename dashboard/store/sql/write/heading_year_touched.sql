-- After a publication that brought declarations: the whole-year rollup taken again for the region-years it touched
-- (_touched, filled by add_rollups), from r_heading_region as this version sees it (withdrawn months hidden).
DELETE FROM r_heading_year y
WHERE y.region BETWEEN $r_from AND $r_to AND y.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _touched t WHERE t.region = y.region AND t.year = y.year);
INSERT INTO r_heading_year (region, year, flow, heading, value_cents, netto_kg)
SELECT r.region, r.year, r.flow, r.heading, CAST(sum(r.value_cents) AS BIGINT) AS value_cents,
       sum(r.netto_kg) AS netto_kg
FROM r_heading_region r
WHERE r.region BETWEEN $r_from AND $r_to AND r.year BETWEEN $y_from AND $y_to
  AND EXISTS (SELECT 1 FROM _touched t WHERE t.region = r.region AND t.year = r.year)
GROUP BY ALL ORDER BY r.region, r.year;
