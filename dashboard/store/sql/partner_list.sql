-- Every partner with any trade of the region, for pickers. Params: region.
SELECT DISTINCT r.partner AS iso2, p.name_ru, p.name_en
FROM r_partner_month r LEFT JOIN partners p ON p.iso2 = r.partner
WHERE r.region = $region
ORDER BY p.name_ru;
