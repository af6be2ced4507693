-- The rollup rows of newly stored declarations, summed before they were stored (rollups.deltas): _heading and
-- _partner and _region are rows of the monthly rollups (of one file, or of several held until they filled a row
-- group: rollups.Held), _region_years the region-years the file brings (none when held rows are stored).
-- In parallel, row groups as the batches come (rollups.batched keeps their region order within each one).
SET preserve_insertion_order = false;
INSERT INTO seg.r_heading_month BY NAME SELECT * FROM _heading;
INSERT INTO seg.r_partner_month BY NAME SELECT * FROM _partner;
INSERT INTO seg.r_heading_region BY NAME SELECT * FROM _region;
SET preserve_insertion_order = true;
INSERT INTO r_source_coverage (region, year, source_id)
SELECT region, year, $source_id FROM _region_years ORDER BY region, year;
-- The region-years this publication touched: the coverage is taken again for them only (rollups.finish).
CREATE TEMP TABLE IF NOT EXISTS _touched (region VARCHAR, year SMALLINT);
INSERT INTO _touched (region, year) SELECT region, year FROM _region_years;
