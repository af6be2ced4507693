-- Which sources a region-year rests on, and whether all of them include trade with EAEU members.
-- Params: region, year.
SELECT bool_and(s.eaeu_included) AS eaeu_included, bool_or(s.is_demo) AS demo, count(*) AS sources,
       string_agg(DISTINCT s.file_name, ', ' ORDER BY s.file_name) AS files
FROM sources s
WHERE s.source_id IN (SELECT source_id FROM r_source_coverage WHERE region = $region AND year = $year);
