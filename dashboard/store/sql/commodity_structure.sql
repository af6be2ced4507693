-- Trade by HS heading with its chapter and section, for a region and period (every partner).
-- Params: region, year, m_from, m_to. One partner's: commodity_structure_partner.sql.
-- From the region's heading rollup (no partner column: a region-year is ~25,000 rows at 100M declarations, where
-- r_heading_month holds ~194,000). Summed by flow and heading first, then named: the names are joined to ~3,000
-- sums rather than to the rollup rows (the goods page's query, p95 22 ms at 10M rows when it joined first).
WITH t AS (
    SELECT flow, heading, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(netto_kg) AS netto_kg
    FROM r_heading_region
    WHERE region = $region AND year = $year AND month BETWEEN $m_from AND $m_to
    GROUP BY flow, heading
)
SELECT t.flow, c.section, s.roman, s.name_ru AS section_ru, s.name_en AS section_en,
       substr(t.heading, 1, 2) AS chapter, c.name_ru AS chapter_ru, c.name_en AS chapter_en,
       t.heading, h.name_ru AS heading_ru, h.name_en AS heading_en, t.value_cents, t.value_cents / 100 AS value_usd,
       t.netto_kg
FROM t
LEFT JOIN hs_chapters c ON c.chapter = substr(t.heading, 1, 2)
LEFT JOIN hs_sections s ON s.section = c.section
LEFT JOIN hs_headings h ON h.heading = t.heading
ORDER BY t.value_cents DESC, t.flow, t.heading;
