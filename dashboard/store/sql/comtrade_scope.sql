-- The Comtrade files a reporter's figures with a partner in a year come from. A reporter's national figures count
-- every partner, EAEU members included, unless the load log says otherwise (a Comtrade file sets no EAEU flag of
-- its own, so NULL reads as included). Params: reporter, partner, year.
SELECT bool_and(coalesce(s.eaeu_included, TRUE)) AS eaeu_included, bool_or(s.is_demo) AS demo,
       count(*) AS sources, string_agg(DISTINCT s.file_name, ', ' ORDER BY s.file_name) AS files
FROM sources s
WHERE s.source_id IN (SELECT DISTINCT source_id FROM comtrade
                      WHERE reporter = $reporter AND partner = $partner AND year = $year);
