-- The tables of a new segment (attached as seg): the columns of the version's own tables of the same names.
CREATE TABLE seg.trade AS SELECT * FROM main.trade LIMIT 0;
CREATE TABLE seg.r_partner_month AS SELECT * FROM main.r_partner_month LIMIT 0;
CREATE TABLE seg.r_heading_month AS SELECT * FROM main.r_heading_month LIMIT 0;
CREATE TABLE seg.r_heading_region AS SELECT * FROM main.r_heading_region LIMIT 0;
-- The whole-year rows of the region-years this segment covers (complete when written: store/segments.py YEARLY),
-- and which region-years those are: for each, readers take the rows of the newest listed segment covering it.
CREATE TABLE seg.r_heading_year AS SELECT * FROM main.r_heading_year LIMIT 0;
CREATE TABLE seg.r_heading_year_cover (region VARCHAR NOT NULL, year SMALLINT NOT NULL);
