-- The bounds of the region-years this publication touched (_touched, filled by add_rollups; none when it loaded no
-- customs file): they bound the scans of the whole-year rollup's upkeep, so that zone maps skip the other regions
-- and years (a one-month correction of one region reads that region-year only).
CREATE TEMP TABLE IF NOT EXISTS _touched (region VARCHAR, year SMALLINT);
SELECT min(region), max(region), min(year), max(year) FROM _touched;
