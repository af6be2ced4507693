-- Region totals for a period and the same months of the previous year, in exact cents (sums cast back to
-- BIGINT: DuckDB sums BIGINT to HUGEINT, which pandas would turn into float), and in dollars for display.
-- The totals hold every code's trade; unranked_cents is the part not distributed by country (NNN, EU, YY,
-- RU: metrics.sql). Params: region, year, m_from, m_to.
WITH t AS (
    SELECT year, CAST(sum(exports_cents) AS BIGINT) AS exports_cents,
           CAST(sum(imports_cents) AS BIGINT) AS imports_cents,
           CAST(sum(turnover_cents) AS BIGINT) AS turnover_cents,
           CAST(coalesce(sum(turnover_cents) FILTER (WHERE NOT ranked), 0) AS BIGINT) AS unranked_cents,
           count(*) FILTER (WHERE ranked) AS partners_count
    FROM partner_period($region, $m_from, $m_to)
    WHERE year IN ($year, $year - 1)
    GROUP BY year
)
SELECT c.turnover_cents, c.exports_cents, c.imports_cents, c.exports_cents - c.imports_cents AS balance_cents,
       c.turnover_cents / 100 AS turnover_usd, c.exports_cents / 100 AS exports_usd,
       c.imports_cents / 100 AS imports_usd, (c.exports_cents - c.imports_cents) / 100 AS balance_usd,
       c.partners_count, c.unranked_cents,
       growth(c.turnover_cents, p.turnover_cents) AS growth,
       growth(c.exports_cents, p.exports_cents) AS export_growth,
       growth(c.imports_cents, p.imports_cents) AS import_growth,
       p.partners_count AS prev_partners_count
FROM (SELECT * FROM t WHERE year = $year) c
LEFT JOIN (SELECT * FROM t WHERE year = $year - 1) p ON TRUE;
