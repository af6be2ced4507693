-- All partner countries of a region (no unranked code: metrics.sql) for one period (months m_from..m_to of a year), with growth on the same months
-- of the previous year and the previous rank. Money in exact cents (*_cents) and in dollars for display
-- (*_usd). Params: region, year, m_from, m_to.
WITH cur AS (SELECT * FROM partner_period($region, $m_from, $m_to) WHERE year = $year AND ranked),
prev AS (SELECT * FROM partner_period($region, $m_from, $m_to) WHERE year = $year - 1 AND ranked)
SELECT c.partner AS iso2, p.iso3, p.name_ru, p.name_en,
       c.rank, c.partners_count AS "of",
       c.turnover_cents, c.exports_cents, c.imports_cents, c.exports_cents - c.imports_cents AS balance_cents,
       c.turnover_usd, c.exports_usd, c.imports_usd, (c.exports_cents - c.imports_cents) / 100 AS balance_usd,
       c.share,
       growth(c.turnover_cents, pr.turnover_cents) AS growth,
       growth(c.exports_cents, pr.exports_cents) AS export_growth,
       growth(c.imports_cents, pr.imports_cents) AS import_growth,
       pr.rank AS prev_rank,
       f.firms,
       p.eaeu, p.cis, p.eu, p.brics, p.sco
FROM cur c
LEFT JOIN prev pr USING (partner)
LEFT JOIN partners p ON p.iso2 = c.partner
LEFT JOIN (SELECT * FROM firms_total() WHERE year = $year) f ON f.partner = c.partner
ORDER BY c.rank, p.name_ru;
