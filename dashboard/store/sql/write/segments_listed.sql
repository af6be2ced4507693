-- The segments of this version, oldest first (a merge's segment takes a new, higher number and the place of the
-- newest ones it merged: the order is the order of arrival).
SELECT segment_id, rows FROM main.segments ORDER BY segment_id;
