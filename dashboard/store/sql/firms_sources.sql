-- Loaded files of firm counts covering a year (they carry no region). Params: year.
SELECT file_name FROM sources
WHERE format = 'firms' AND (period_from IS NULL OR left(period_from, 4) <= CAST($year AS VARCHAR))
  AND (period_to IS NULL OR left(period_to, 4) >= CAST($year AS VARCHAR))
ORDER BY file_name;
