-- Trade by HS heading with its chapter and section, for a region and period, optionally one partner.
-- Params: region, year, m_from, m_to, partner (NULL = all partners).
SELECT r.flow, c.section, s.roman, s.name_ru AS section_ru, s.name_en AS section_en,
       substr(r.heading, 1, 2) AS chapter, c.name_ru AS chapter_ru, c.name_en AS chapter_en,
       r.heading, h.name_ru AS heading_ru, h.name_en AS heading_en,
       sum(r.value_usd) AS value_usd, sum(r.netto_kg) AS netto_kg
FROM r_heading_month r
LEFT JOIN hs_chapters c ON c.chapter = substr(r.heading, 1, 2)
LEFT JOIN hs_sections s ON s.section = c.section
LEFT JOIN hs_headings h ON h.heading = r.heading
WHERE r.region = $region AND r.year = $year AND r.month BETWEEN $m_from AND $m_to
  AND ($partner IS NULL OR r.partner = $partner)
GROUP BY ALL
ORDER BY value_usd DESC;
