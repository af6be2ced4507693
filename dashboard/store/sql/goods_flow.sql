-- Net mass and value of goods in one or both flows, for a region and period, optionally one partner: what a
-- press release's "1,2 млн тонн пшеницы" or "экспорт масла на 40 млн долларов" is checked against.
-- Params: region, year, m_from, m_to, flows (['E'], ['I'] or ['E', 'I']), goods (the leading digits of the
-- ТН ВЭД code: a heading "1001" or a chapter "10"; NULL = all goods), partner (NULL = all partners).
-- A rollup row without netto_kg is trade whose net mass the source did not give: netto_rows < rows says so.
SELECT count(*) AS rows, count(netto_kg) AS netto_rows, sum(netto_kg) AS netto_kg,
       sum(value_cents) / 100 AS value_usd
FROM r_heading_month
WHERE region = $region AND year = $year AND month BETWEEN $m_from AND $m_to
  AND list_contains($flows, flow)
  AND ($goods IS NULL OR starts_with(heading, $goods))
  AND ($partner IS NULL OR partner = $partner);
