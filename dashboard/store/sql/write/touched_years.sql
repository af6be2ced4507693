-- The years of the region-years this publication touched (_touched, filled by add_rollups; none when it loaded no
-- customs file): they bound the scans of the coverage upkeep.
CREATE TEMP TABLE IF NOT EXISTS _touched (region VARCHAR, year SMALLINT);
SELECT min(year), max(year) FROM _touched;
