-- The rollups' one definition, over the whole declarations table: what `rollups.rebuild` runs, and what the
-- incremental upkeep at each import (rollups.py, from the new rows only) must equal (tests/unit/test_rollups.py).
-- Sorted by region and year only: DuckDB's zone maps then skip other regions' and years' row groups, and a
-- full sort on every key would buy nothing a page needs.
DELETE FROM r_partner_month;
INSERT INTO r_partner_month (region, year, month, partner, flow, value_cents)
SELECT region, year, month, partner, flow, sum(value_cents) AS value_cents
FROM trade GROUP BY ALL ORDER BY region, year;

DELETE FROM r_heading_month;
INSERT INTO r_heading_month (region, year, month, partner, flow, heading, value_cents, netto_kg)
SELECT region, year, month, partner, flow, substr(hs10, 1, 4) AS heading,
       sum(value_cents) AS value_cents, sum(netto_kg) AS netto_kg
FROM trade GROUP BY ALL ORDER BY region, year;

DELETE FROM r_heading_region;
INSERT INTO r_heading_region (region, year, month, flow, heading, value_cents, netto_kg)
SELECT region, year, month, flow, substr(hs10, 1, 4) AS heading, sum(value_cents) AS value_cents,
       sum(netto_kg) AS netto_kg
FROM trade GROUP BY ALL ORDER BY region, year;

-- The goods page's whole year (no month filter): r_heading_region summed over the months. Its rows live in the
-- segments, written by each publication for the region-years it touched (rollups.keep_years, segments.YEARLY).
DELETE FROM r_heading_year;
INSERT INTO r_heading_year (region, year, flow, heading, value_cents, netto_kg)
SELECT region, year, flow, substr(hs10, 1, 4) AS heading, CAST(sum(value_cents) AS BIGINT) AS value_cents,
       sum(netto_kg) AS netto_kg
FROM trade GROUP BY ALL ORDER BY region, year;
