-- Official figures (_new, ingest/letters.py) replace those of the same region, period, partner and metric.
DELETE FROM official_figures o WHERE EXISTS (
    SELECT 1 FROM _new n WHERE n.region = o.region AND n.year = o.year AND n.m_from = o.m_from
        AND n.m_to = o.m_to AND n.partner IS NOT DISTINCT FROM o.partner AND n.metric = o.metric);
INSERT INTO official_figures BY NAME
SELECT region, year, m_from, m_to, partner, metric, CAST(value AS DECIMAL(38, 6)) AS value, unit, document,
       CAST(document_date AS DATE) AS document_date, restricted, $source_id AS source_id
FROM _new;
