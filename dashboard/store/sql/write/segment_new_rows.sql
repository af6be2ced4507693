-- Declarations and whole-year rows in the segment being written (neither: the segment is dropped, the version
-- lists nothing new; whole-year rows alone: a version's first publication by this release covered every year).
SELECT (SELECT count(*) FROM seg.trade), (SELECT count(*) FROM seg.r_heading_year);
