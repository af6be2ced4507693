-- Firms of the region trading with one partner, by year and kind. Params: partner.
SELECT year, kind, firms FROM firms WHERE partner = $partner ORDER BY year, kind;
