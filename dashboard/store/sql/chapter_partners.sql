-- Partners trading one HS chapter, largest first. Params: region, year, m_from, m_to, chapter, flow (NULL = both).
SELECT r.partner AS iso2, p.name_ru, p.name_en, CAST(sum(r.value_cents) AS BIGINT) AS value_cents,
       sum(r.value_cents) / 100 AS value_usd
FROM r_heading_month r
LEFT JOIN partners p ON p.iso2 = r.partner
WHERE r.region = $region AND r.year = $year AND r.month BETWEEN $m_from AND $m_to
  AND substr(r.heading, 1, 2) = $chapter AND ($flow IS NULL OR r.flow = $flow)
GROUP BY ALL
ORDER BY value_cents DESC, iso2;
