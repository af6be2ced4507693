-- The one definition of the metrics (README, "Definitions"). Every query builds on these macros.
-- They are temporary: store/db.py defines them on each connection that reads, so the definitions always come
-- from the code release, never from a version file published before a macro changed.
-- turnover = exports + imports; M = partner countries with turnover > 0; rank = place by turnover, descending,
-- ties sharing the better place; share = partner turnover / region turnover over the same months.
-- Money is exact integer cents (BIGINT) from the file on (ingest/money.py), summed as integers: ranks, M, ties,
-- shares and growth are decided on exact sums, so two partners equal to the cent share a place. The *_usd
-- columns are the same cents divided by 100, for charts and display.

-- Codes that are no partner country (reference/partners.py UNRANKED, tied by a test): NNN country unknown, EU
-- without a country, YY, RU (goods returned). Their trade counts in the region's totals; they get no rank, are
-- not in M, and are no partner in a ranking. A literal list rather than a column of the partners table, so a
-- version published before the column existed reads the same.
CREATE OR REPLACE TEMP MACRO ranked_partner(code) AS code NOT IN ('NNN', 'EU', 'YY', 'RU');

-- Every code with trade in the months; rank, M (partners_count) among the ranked ones only; share of the
-- region's whole turnover (the unranked codes included), so the ranked shares and the unranked sum to 1.
CREATE OR REPLACE TEMP MACRO partner_period(rgn, m_from, m_to) AS TABLE
WITH t AS (
    SELECT year, partner, ranked_partner(partner) AS ranked,
           CAST(coalesce(sum(value_cents) FILTER (WHERE flow = 'E'), 0) AS BIGINT) AS exports_cents,
           CAST(coalesce(sum(value_cents) FILTER (WHERE flow = 'I'), 0) AS BIGINT) AS imports_cents
    FROM r_partner_month
    WHERE region = rgn AND month BETWEEN m_from AND m_to
    GROUP BY year, partner
    HAVING exports_cents + imports_cents > 0
)
SELECT year, partner, ranked, exports_cents, imports_cents, exports_cents + imports_cents AS turnover_cents,
       exports_cents / 100 AS exports_usd, imports_cents / 100 AS imports_usd,
       (exports_cents + imports_cents) / 100 AS turnover_usd,
       CASE WHEN ranked THEN rank() OVER (PARTITION BY year, ranked ORDER BY exports_cents + imports_cents DESC)
       END AS rank,
       count(*) FILTER (WHERE ranked) OVER (PARTITION BY year) AS partners_count,
       (exports_cents + imports_cents) / sum(exports_cents + imports_cents) OVER (PARTITION BY year) AS share
FROM t;

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
