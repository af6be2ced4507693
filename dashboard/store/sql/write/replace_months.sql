-- A newer file of the same region, month and flow replaces the older one (corrected releases): the rows of
-- those months leave the declarations and both monthly rollups. _keys: region, year, month, flow of the new
-- file; $y_from/$y_to bound its years, so that DuckDB's zone maps skip the row groups of other years.
DELETE FROM trade t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
DELETE FROM r_partner_month t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
DELETE FROM r_heading_month t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
