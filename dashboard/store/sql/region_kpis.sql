-- Region totals for a period and the same months of the previous year. Params: region, year, m_from, m_to.
WITH t AS (
    SELECT year, sum(exports_usd) AS exports_usd, sum(imports_usd) AS imports_usd,
           sum(turnover_usd) AS turnover_usd, count(*) AS partners_count
    FROM partner_period($region, $m_from, $m_to)
    WHERE year IN ($year, $year - 1)
    GROUP BY year
)
SELECT c.turnover_usd, c.exports_usd, c.imports_usd, c.exports_usd - c.imports_usd AS balance_usd,
       c.partners_count,
       growth(c.turnover_usd, p.turnover_usd) AS growth,
       growth(c.exports_usd, p.exports_usd) AS export_growth,
       growth(c.imports_usd, p.imports_usd) AS import_growth,
       p.turnover_usd AS prev_turnover_usd, p.exports_usd - p.imports_usd AS prev_balance_usd,
       p.partners_count AS prev_partners_count
FROM (SELECT * FROM t WHERE year = $year) c
LEFT JOIN (SELECT * FROM t WHERE year = $year - 1) p ON TRUE;
