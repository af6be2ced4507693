-- One partner's firm counts by year (kinds and the total of metrics.sql's firms_total). Params: partner.
SELECT year, firms_any, firms_exporters, firms_importers, firms FROM firms_total() WHERE partner = $partner
ORDER BY year;
