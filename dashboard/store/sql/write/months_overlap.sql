-- How many region-years of a new file (_region_years) a loaded source already covers: none, nothing to replace.
SELECT count(*) FROM r_source_coverage c JOIN _region_years USING (region, year);
