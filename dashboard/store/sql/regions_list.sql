-- Regions present in the store, for the region picker.
SELECT g.code, g.name, g.district FROM regions g
WHERE g.code IN (SELECT DISTINCT region FROM r_region_coverage)
ORDER BY g.code;
