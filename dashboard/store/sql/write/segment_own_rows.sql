-- Rows the version holds itself in a segmented table (a store made before segments): then segment_adopt moves them.
SELECT (SELECT count(*) FROM main.trade) + (SELECT count(*) FROM main.r_partner_month)
     + (SELECT count(*) FROM main.r_heading_month) + (SELECT count(*) FROM main.r_heading_region);
