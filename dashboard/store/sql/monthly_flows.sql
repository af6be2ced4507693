-- Monthly exports and imports of a region, or of one partner when $partner is not NULL. Params: region, partner.
SELECT year, month, flow, CAST(sum(value_cents) AS BIGINT) AS value_cents, sum(value_cents) / 100 AS value_usd
FROM r_partner_month
WHERE region = $region AND ($partner IS NULL OR partner = $partner)
GROUP BY ALL
ORDER BY year, month, flow;
