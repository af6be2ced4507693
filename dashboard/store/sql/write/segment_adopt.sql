-- A version made before segments holds its declarations and rollups itself: they move into the publication's
-- new segment once (the older version keeps its copy), and the version's own tables stay empty from then on.
INSERT INTO seg.trade BY NAME SELECT * FROM main.trade;
DELETE FROM main.trade;
INSERT INTO seg.r_partner_month BY NAME SELECT * FROM main.r_partner_month;
DELETE FROM main.r_partner_month;
INSERT INTO seg.r_heading_month BY NAME SELECT * FROM main.r_heading_month;
DELETE FROM main.r_heading_month;
-- the region's heading rollup from the heading rollup just moved (a version made before segments never held it)
INSERT INTO seg.r_heading_region (region, year, month, flow, heading, value_cents, netto_kg)
SELECT region, year, month, flow, heading, sum(value_cents), sum(netto_kg) FROM seg.r_heading_month
GROUP BY ALL ORDER BY region, year;
DELETE FROM main.r_heading_region;
