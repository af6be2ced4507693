-- One partner's place in every year, on the same months. Params: region, partner, m_from, m_to.
SELECT year, rank, partners_count AS "of", turnover_cents, turnover_usd, exports_usd, imports_usd, share
FROM partner_period($region, $m_from, $m_to)
WHERE partner = $partner AND ranked
ORDER BY year;
