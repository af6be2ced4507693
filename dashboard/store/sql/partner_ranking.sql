-- All partners of a region for one period (months m_from..m_to of a year), with growth on the same months
-- of the previous year and the previous rank. Params: region, year, m_from, m_to.
WITH cur AS (SELECT * FROM partner_period($region, $m_from, $m_to) WHERE year = $year),
prev AS (SELECT * FROM partner_period($region, $m_from, $m_to) WHERE year = $year - 1),
f AS (
    SELECT partner,
           max(firms) FILTER (WHERE kind = 'any') AS firms_any,
           max(firms) FILTER (WHERE kind = 'exporters') AS firms_exporters,
           max(firms) FILTER (WHERE kind = 'importers') AS firms_importers
    FROM firms WHERE year = $year GROUP BY partner
)
SELECT c.partner AS iso2, p.iso3, p.name_ru, p.name_en,
       c.rank, c.partners_count AS "of",
       c.turnover_usd, c.exports_usd, c.imports_usd, c.exports_usd - c.imports_usd AS balance_usd,
       c.share,
       growth(c.turnover_usd, pr.turnover_usd) AS growth,
       growth(c.exports_usd, pr.exports_usd) AS export_growth,
       growth(c.imports_usd, pr.imports_usd) AS import_growth,
       pr.rank AS prev_rank,
       coalesce(f.firms_any, f.firms_exporters + f.firms_importers) AS firms,
       f.firms_exporters, f.firms_importers,
       p.eaeu, p.cis, p.eu, p.brics, p.sco
FROM cur c
LEFT JOIN prev pr USING (partner)
LEFT JOIN partners p ON p.iso2 = c.partner
LEFT JOIN f ON f.partner = c.partner
ORDER BY c.rank, p.name_ru;
