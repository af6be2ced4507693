-- What one Comtrade reporter declares of its trade with one partner in a year, by month (0 = the annual figure)
-- and flow: the TOTAL line where the file has one, else the sum of its HS chapters (never both, so nothing counts
-- twice). Params: reporter, partner, year.
SELECT month, flow,
       CAST(coalesce(sum(value_cents) FILTER (WHERE hs = 'TOTAL'),
                     sum(value_cents) FILTER (WHERE length(hs) = 2)) AS BIGINT) AS value_cents
FROM comtrade
WHERE reporter = $reporter AND partner = $partner AND year = $year
GROUP BY month, flow
ORDER BY month, flow;
