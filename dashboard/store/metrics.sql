-- The one definition of the metrics (README, "Definitions"). Every query builds on these macros.
-- They are temporary: store/db.py defines them on each connection that reads, so the definitions always come
-- from the code release, never from a version file published before a macro changed.
-- turnover = exports + imports; M = partners with turnover > 0; rank = place by turnover, descending,
-- ties sharing the better place; share = partner turnover / region turnover over the same months.
-- Money is exact integer cents (BIGINT) from the file on (ingest/money.py), summed as integers: ranks, M, ties,
-- shares and growth are decided on exact sums, so two partners equal to the cent share a place. The *_usd
-- columns are the same cents divided by 100, for charts and display.

CREATE OR REPLACE TEMP MACRO partner_period(rgn, m_from, m_to) AS TABLE
WITH t AS (
    SELECT year, partner,
           CAST(coalesce(sum(value_cents) FILTER (WHERE flow = 'E'), 0) AS BIGINT) AS exports_cents,
           CAST(coalesce(sum(value_cents) FILTER (WHERE flow = 'I'), 0) AS BIGINT) AS imports_cents
    FROM r_partner_month
    WHERE region = rgn AND month BETWEEN m_from AND m_to
    GROUP BY year, partner
)
SELECT year, partner, exports_cents, imports_cents, exports_cents + imports_cents AS turnover_cents,
       exports_cents / 100 AS exports_usd, imports_cents / 100 AS imports_usd,
       (exports_cents + imports_cents) / 100 AS turnover_usd,
       rank() OVER (PARTITION BY year ORDER BY exports_cents + imports_cents DESC) AS rank,
       count(*) OVER (PARTITION BY year) AS partners_count,
       (exports_cents + imports_cents) / sum(exports_cents + imports_cents) OVER (PARTITION BY year) AS share
FROM t
WHERE exports_cents + imports_cents > 0;

-- growth = value / value of the same months of the previous year - 1 (NULL when there is nothing to compare).
CREATE OR REPLACE TEMP MACRO growth(cur, prev) AS CASE WHEN prev > 0 THEN cur / prev - 1 END;

-- Firms of the region trading with a partner in a year: the 'any' count where it is given, else exporters +
-- importers (a firm doing both may then count twice: the administration's tables give no better).
CREATE OR REPLACE TEMP MACRO firms_total() AS TABLE
SELECT year, partner,
       max(firms) FILTER (WHERE kind = 'any') AS firms_any,
       max(firms) FILTER (WHERE kind = 'exporters') AS firms_exporters,
       max(firms) FILTER (WHERE kind = 'importers') AS firms_importers,
       coalesce(max(firms) FILTER (WHERE kind = 'any'),
                max(firms) FILTER (WHERE kind = 'exporters') + max(firms) FILTER (WHERE kind = 'importers'))
           AS firms
FROM firms
GROUP BY year, partner;
