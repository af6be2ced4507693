-- Every region's trade with one partner over months m_from..m_to of a year, ranked by turnover, descending (ties
-- share the better place), with the sum over all regions of the store. NNNNN (territory unknown) counts in the
-- sum but gets no place, as an unranked partner code does in partner_period. Params: partner, year, m_from, m_to.
WITH t AS (
    SELECT region,
           CAST(coalesce(sum(value_cents) FILTER (WHERE flow = 'E'), 0) AS BIGINT) AS exports_cents,
           CAST(coalesce(sum(value_cents) FILTER (WHERE flow = 'I'), 0) AS BIGINT) AS imports_cents
    FROM r_partner_month
    WHERE partner = $partner AND year = $year AND month BETWEEN $m_from AND $m_to
    GROUP BY region
    HAVING exports_cents + imports_cents > 0
)
SELECT region, exports_cents, imports_cents, exports_cents + imports_cents AS turnover_cents,
       CASE WHEN region <> 'NNNNN'
            THEN rank() OVER (PARTITION BY region = 'NNNNN' ORDER BY exports_cents + imports_cents DESC) END AS rank,
       count(*) FILTER (WHERE region <> 'NNNNN') OVER () AS "of",
       CAST(sum(exports_cents + imports_cents) OVER () AS BIGINT) AS total_cents
FROM t
ORDER BY rank NULLS LAST, region;
