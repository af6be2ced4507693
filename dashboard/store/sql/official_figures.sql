-- Official figures of a region (letters), newest period first, with the file or form they were entered by.
-- Params: region. Read only where official_figures_held says the version has the table.
SELECT o.year, o.m_from, o.m_to, o.partner, o.metric, o.value, o.unit, o.document, o.document_date,
       o.restricted, s.file_name, s.loaded_by
FROM official_figures o LEFT JOIN sources s USING (source_id)
WHERE o.region = $region
ORDER BY o.year DESC, o.m_to DESC, o.partner NULLS FIRST, o.metric;
