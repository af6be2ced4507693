-- The one definition of the metrics of DESIGN.md (README, "Definitions"). Every query builds on these macros.
-- turnover = exports + imports; M = partners with turnover > 0; rank = place by turnover, descending,
-- ties sharing the better place; share = partner turnover / region turnover over the same months.
CREATE OR REPLACE MACRO partner_period(rgn, m_from, m_to) AS TABLE
WITH t AS (
    SELECT year, partner,
           coalesce(sum(value_usd) FILTER (WHERE flow = 'E'), 0) AS exports_usd,
           coalesce(sum(value_usd) FILTER (WHERE flow = 'I'), 0) AS imports_usd
    FROM r_partner_month
    WHERE region = rgn AND month BETWEEN m_from AND m_to
    GROUP BY year, partner
)
SELECT year, partner, exports_usd, imports_usd, exports_usd + imports_usd AS turnover_usd,
       rank() OVER (PARTITION BY year ORDER BY exports_usd + imports_usd DESC) AS rank,
       count(*) OVER (PARTITION BY year) AS partners_count,
       (exports_usd + imports_usd) / sum(exports_usd + imports_usd) OVER (PARTITION BY year) AS share
FROM t
WHERE exports_usd + imports_usd > 0;

-- growth = value / value of the same months of the previous year - 1 (NULL when there is nothing to compare).
CREATE OR REPLACE MACRO growth(cur, prev) AS CASE WHEN prev > 0 THEN cur / prev - 1 END;
