-- Trade by HS heading with its chapter and section, for a region and some months of a year (every partner); the
-- names of the codes are added by store/structure.py. Params: region, year, m_from, m_to. A whole year:
-- commodity_structure_year.sql; one partner's: commodity_structure_partner.sql.
-- From the region's heading rollup (no partner column: a region-year is ~25,000 rows at 100M declarations, where
-- r_heading_month holds ~194,000). Summed by flow and heading first, then joined to the chapters (for the section)
-- as ~3,000 sums rather than as the rollup rows (the goods page's query, p95 22 ms at 10M rows when it joined first).
WITH t AS (
    SELECT flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
    FROM r_heading_region
    WHERE region = $region AND year = $year AND month BETWEEN $m_from AND $m_to
    GROUP BY flow, heading
)
SELECT t.flow, c.section, substr(t.heading, 1, 2) AS chapter, t.heading, t.value_cents,
       t.value_cents / 100 AS value_usd, t.netto_kg
FROM t
LEFT JOIN hs_chapters c ON c.chapter = substr(t.heading, 1, 2)
ORDER BY t.value_cents DESC, t.flow, t.heading;
