-- Whole-year rows the version holds itself: a version made while the rollup lived in the version file (a release
-- before the segments held it). Its first publication by this release moves them into its new segment.
SELECT count(*) FROM main.r_heading_year;
