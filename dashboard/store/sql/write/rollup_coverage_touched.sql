-- After an import: the months loaded in the region-years it touched, from r_partner_month of those region-years.
DELETE FROM r_region_coverage c WHERE EXISTS (
    SELECT 1 FROM _touched t WHERE t.region = c.region AND t.year = c.year);
INSERT INTO r_region_coverage (region, year, last_month, months)
SELECT r.region, r.year, max(r.month) AS last_month, count(DISTINCT r.month) AS months
FROM r_partner_month r
WHERE r.year BETWEEN $y_from AND $y_to AND EXISTS (SELECT 1 FROM _touched t WHERE t.region = r.region AND t.year = r.year)
GROUP BY ALL ORDER BY r.region, r.year;
