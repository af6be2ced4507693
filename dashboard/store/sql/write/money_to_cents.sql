-- A version of schema 1 (money as float dollars) made exact, once, inside the new version that finds it: each
-- declaration and Comtrade value rounded to the cent, its only rounding (values from the FTS have two decimals,
-- so this recovers them as written). The rollups are dropped, to be created and summed again from the cents
-- (store/build.py), never rounded from float sums.
ALTER TABLE trade ALTER value_usd TYPE BIGINT USING CAST(round(value_usd * 100) AS BIGINT);
ALTER TABLE trade RENAME value_usd TO value_cents;
ALTER TABLE comtrade ALTER value_usd TYPE BIGINT USING CAST(round(value_usd * 100) AS BIGINT);
ALTER TABLE comtrade RENAME value_usd TO value_cents;
DROP TABLE r_partner_month;
DROP TABLE r_heading_month;
