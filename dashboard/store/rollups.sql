-- Rebuilt at every publish, so that pages never scan the declarations table.
-- Sorted by region and year only: DuckDB's zone maps then skip other regions' and years' row groups, and a
-- full sort on every key (about a second more per 10M rows at each publish) would buy nothing a page needs.
CREATE OR REPLACE TABLE r_partner_month AS
SELECT region, year, month, partner, flow, sum(value_usd) AS value_usd
FROM trade GROUP BY ALL ORDER BY region, year;

CREATE OR REPLACE TABLE r_heading_month AS
SELECT region, year, month, partner, flow, substr(hs10, 1, 4) AS heading,
       sum(value_usd) AS value_usd, sum(netto_kg) AS netto_kg
FROM trade GROUP BY ALL ORDER BY region, year;

CREATE OR REPLACE TABLE r_region_coverage AS
SELECT region, year, max(month) AS last_month, count(DISTINCT month) AS months
FROM r_partner_month GROUP BY ALL ORDER BY region, year;

CREATE OR REPLACE TABLE r_source_coverage AS
SELECT DISTINCT region, year, source_id FROM trade ORDER BY region, year;
