-- How many declarations the months of a new file (_keys: region, year, month, flow) replace: the rows of those
-- months visible now. $y_from/$y_to bound its years, so that the segments' zone maps skip the other years.
SELECT count(*) FROM trade t WHERE t.year BETWEEN $y_from AND $y_to AND EXISTS (
    SELECT 1 FROM _keys k WHERE k.region = t.region AND k.year = t.year AND k.month = t.month AND k.flow = t.flow);
