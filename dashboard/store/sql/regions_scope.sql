-- Which sources the regions' figures of a year rest on (every region of the store): EAEU trade in when all of
-- them count it, out when none does, NULL when they differ or none says. Params: year.
SELECT CASE WHEN bool_and(s.eaeu_included) THEN TRUE WHEN NOT bool_or(s.eaeu_included) THEN FALSE END
           AS eaeu_included,
       bool_or(s.is_demo) AS demo, count(*) AS sources,
       string_agg(DISTINCT s.file_name, ', ' ORDER BY s.file_name) AS files
FROM sources s
WHERE s.source_id IN (SELECT source_id FROM r_source_coverage WHERE year = $year);
