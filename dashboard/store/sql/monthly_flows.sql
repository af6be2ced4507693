-- Monthly exports and imports of a region, or of one partner when $partner is not NULL. Params: region, partner.
SELECT year, month, flow, sum(value_usd) AS value_usd
FROM r_partner_month
WHERE region = $region AND ($partner IS NULL OR partner = $partner)
GROUP BY ALL
ORDER BY year, month, flow;
