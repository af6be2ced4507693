-- Partners and HS names come from the code's reference package (_partners, _sections, _chapters, _headings),
-- so every publication carries the release's names.
DELETE FROM partners;
INSERT INTO partners BY NAME SELECT * FROM _partners;
DELETE FROM hs_sections;
INSERT INTO hs_sections BY NAME SELECT * FROM _sections;
DELETE FROM hs_chapters;
INSERT INTO hs_chapters BY NAME SELECT * FROM _chapters;
DELETE FROM hs_headings;
INSERT INTO hs_headings BY NAME SELECT * FROM _headings;
