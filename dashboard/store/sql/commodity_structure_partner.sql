-- Trade with one partner by HS heading with its chapter and section, for a region and period: the columns of
-- commodity_structure.sql (the names added by store/structure.py), from the heading rollup (whose merged segments keep a partner's rows together).
-- Params: region, year, m_from, m_to, partner.
WITH t AS (
    SELECT flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
    FROM r_heading_month
    WHERE region = $region AND year = $year AND month BETWEEN $m_from AND $m_to AND partner = $partner
    GROUP BY flow, heading
)
SELECT t.flow, c.section, substr(t.heading, 1, 2) AS chapter, t.heading, t.value_cents,
       t.value_cents / 100 AS value_usd, t.netto_kg
FROM t
LEFT JOIN hs_chapters c ON c.chapter = substr(t.heading, 1, 2)
ORDER BY t.value_cents DESC, t.flow, t.heading;
