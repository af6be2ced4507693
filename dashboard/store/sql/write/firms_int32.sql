-- Whether the firms table still counts in a 32-bit INTEGER (versions made before firm counts were 64-bit).
SELECT count(*) FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = 'firms' AND column_name = 'firms' AND data_type = 'INTEGER';
