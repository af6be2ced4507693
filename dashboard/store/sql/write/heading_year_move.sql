-- The first publication of a version that holds the whole-year rollup itself (heading_year_legacy): the rows of the
-- region-years this publication did not touch move into the new segment as they are (heading_year_touched adds the
-- touched ones), the segment covers every region-year, and the version's own table is emptied.
INSERT INTO seg.r_heading_year (region, year, flow, heading, value_cents, netto_kg)
SELECT y.region, y.year, y.flow, y.heading, y.value_cents, y.netto_kg FROM main.r_heading_year y
WHERE NOT EXISTS (SELECT 1 FROM _touched t WHERE t.region = y.region AND t.year = y.year)
ORDER BY y.region, y.year;
INSERT INTO seg.r_heading_year_cover (region, year)
SELECT DISTINCT region, year FROM main.r_heading_year ORDER BY region, year;
DELETE FROM main.r_heading_year;
