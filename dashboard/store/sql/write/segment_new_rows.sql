-- Declarations in the segment being written (none: the segment is dropped, the version lists nothing new).
SELECT count(*) FROM seg.trade;
