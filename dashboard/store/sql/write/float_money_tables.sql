-- Tables that still hold money as float dollars (value_usd DOUBLE: versions of schema 1, before exact cents).
SELECT table_name FROM information_schema.columns
WHERE table_schema = 'main' AND column_name = 'value_usd'
  AND table_name IN ('trade', 'comtrade', 'r_partner_month', 'r_heading_month')
ORDER BY table_name;
