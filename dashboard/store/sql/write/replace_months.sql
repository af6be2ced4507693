-- A newer file of the same region, month and flow replaces the older one (corrected releases). _keys: region,
-- year, month, flow of the new file; $y_from/$y_to bound its years, so that zone maps skip the other years.
-- In earlier segments the rows of those months are withdrawn: they stay in their immutable files, and the views
-- of this version and every later one hide them (store/segments.py).
INSERT OR IGNORE INTO main.withdrawn (segment_id, region, year, month, flow)
SELECT DISTINCT t.segment_id, t.region, t.year, t.month, t.flow FROM r_partner_month_seg t
WHERE t.year BETWEEN $y_from AND $y_to AND t.segment_id <> (SELECT segment_id FROM _new_segment) AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
-- Rows an earlier file of this same publication brought: deleted from the new segment.
DELETE FROM seg.trade t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
DELETE FROM seg.r_partner_month t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
DELETE FROM seg.r_heading_month t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
DELETE FROM seg.r_heading_region t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
