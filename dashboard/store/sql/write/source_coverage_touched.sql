-- After an import that replaced months: which sources the touched region-years rest on now (a replaced source may
-- have no row left there), from the declarations of those region-years only; $y_from/$y_to bound their years.
DELETE FROM r_source_coverage c WHERE EXISTS (
    SELECT 1 FROM _touched t WHERE t.region = c.region AND t.year = c.year);
INSERT INTO r_source_coverage (region, year, source_id)
SELECT DISTINCT d.region, d.year, d.source_id FROM trade d
WHERE d.year BETWEEN $y_from AND $y_to AND EXISTS (SELECT 1 FROM _touched t WHERE t.region = d.region AND t.year = d.year)
ORDER BY d.region, d.year;
