-- The names of the HS sections (with their roman numerals), chapters and headings of this version's reference
-- tables, one row a code: what store/structure.py adds to the goods structure.
SELECT 'section' AS kind, CAST(section AS VARCHAR) AS code, roman, name_ru, name_en FROM hs_sections
UNION ALL
SELECT 'chapter', chapter, NULL, name_ru, name_en FROM hs_chapters
UNION ALL
SELECT 'heading', heading, NULL, name_ru, name_en FROM hs_headings;
