-- After a publication that brought declarations: the complete whole-year rows of the region-years it touched
-- (_touched, filled by add_rollups), from r_heading_region as this version sees it (withdrawn months hidden), into
-- its new segment, which covers them from now on (older segments' rows of those region-years are passed over).
-- The bounds let zone maps skip the other regions and years.
INSERT INTO seg.r_heading_year (region, year, flow, heading, value_cents, netto_kg)
SELECT r.region, r.year, r.flow, r.heading, CAST(sum(r.value_cents) AS BIGINT) AS value_cents,
       sum(r.netto_kg) AS netto_kg
FROM r_heading_region r
WHERE r.region BETWEEN $r_from AND $r_to AND r.year BETWEEN $y_from AND $y_to
  AND EXISTS (SELECT 1 FROM _touched t WHERE t.region = r.region AND t.year = r.year)
GROUP BY ALL ORDER BY r.region, r.year;
INSERT INTO seg.r_heading_year_cover (region, year)
SELECT DISTINCT region, year FROM _touched
WHERE NOT EXISTS (SELECT 1 FROM seg.r_heading_year_cover c WHERE c.region = _touched.region AND c.year = _touched.year)
ORDER BY region, year;
