-- The whole store. Created in every new version if missing; reference tables are refreshed at each publish.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- One row per loaded file (the import log). sha256 makes loading the same file twice a no-op.
CREATE TABLE IF NOT EXISTS sources (
    source_id     INTEGER PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL UNIQUE,
    format        VARCHAR NOT NULL,          -- fts | comtrade | firms | meetings
    rows_loaded   BIGINT NOT NULL,
    eaeu_included BOOLEAN,                   -- does the file count trade with EAEU members
    regions       VARCHAR,                   -- OKATO codes found in the file, comma-separated
    period_from   VARCHAR,                   -- YYYY-MM
    period_to     VARCHAR,
    is_demo       BOOLEAN NOT NULL DEFAULT FALSE,
    loaded_by     VARCHAR,
    loaded_at     TIMESTAMP NOT NULL,
    note          VARCHAR
);

CREATE TABLE IF NOT EXISTS partners (
    iso2 VARCHAR PRIMARY KEY, iso3 VARCHAR, name_ru VARCHAR, name_en VARCHAR,
    eaeu BOOLEAN, cis BOOLEAN, eu BOOLEAN, brics BOOLEAN, sco BOOLEAN
);
CREATE TABLE IF NOT EXISTS hs_sections (section INTEGER PRIMARY KEY, roman VARCHAR, name_ru VARCHAR, name_en VARCHAR);
CREATE TABLE IF NOT EXISTS hs_chapters (chapter VARCHAR PRIMARY KEY, section INTEGER, name_ru VARCHAR, name_en VARCHAR);
CREATE TABLE IF NOT EXISTS hs_headings (heading VARCHAR PRIMARY KEY, name_ru VARCHAR, name_en VARCHAR);
CREATE TABLE IF NOT EXISTS regions (code VARCHAR PRIMARY KEY, name VARCHAR, district VARCHAR);

-- Regional customs statistics as unloaded by the FTS: one row per region, month, flow, partner, 10-digit code.
CREATE TABLE IF NOT EXISTS trade (
    region    VARCHAR NOT NULL,
    year      SMALLINT NOT NULL,
    month     TINYINT NOT NULL,
    flow      VARCHAR NOT NULL,              -- E export, I import
    partner   VARCHAR NOT NULL,              -- ISO alpha-2
    hs10      VARCHAR NOT NULL,
    unit      VARCHAR,
    value_cents BIGINT NOT NULL,             -- US dollars in exact integer cents (README, "Definitions")
    netto_kg  DOUBLE,
    qty       DOUBLE,
    source_id INTEGER NOT NULL
);

-- National figures from UN Comtrade (context and mirror statistics); month 0 = annual.
CREATE TABLE IF NOT EXISTS comtrade (
    reporter  VARCHAR NOT NULL,              -- ISO alpha-2
    partner   VARCHAR NOT NULL,
    year      SMALLINT NOT NULL,
    month     TINYINT NOT NULL,
    flow      VARCHAR NOT NULL,              -- E export, I import (re-exports and re-imports folded in)
    hs        VARCHAR NOT NULL,              -- as reported: TOTAL, 2, 4 or 6 digits
    value_cents BIGINT NOT NULL,             -- rounded to the cent once, on import
    netto_kg  DOUBLE,
    source_id INTEGER NOT NULL
);

-- Number of local firms trading with a partner (kept by the administration).
CREATE TABLE IF NOT EXISTS firms (
    year      SMALLINT NOT NULL,
    partner   VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,              -- exporters | importers | any
    firms     BIGINT NOT NULL,               -- a count, capped on import (ingest/firms.py MAX_FIRMS)
    source_id INTEGER NOT NULL,
    PRIMARY KEY (year, partner, kind)
);

CREATE TABLE IF NOT EXISTS meetings (
    meeting_id  INTEGER PRIMARY KEY,
    held_on     DATE NOT NULL,
    title       VARCHAR NOT NULL,
    place       VARCHAR,
    summary_md  VARCHAR,
    source      VARCHAR,                     -- link or file name
    full_text   VARCHAR,                     -- the original text, for re-checking its figures
    created_at  TIMESTAMP NOT NULL,
    created_by  VARCHAR
);
-- the loaded file the meeting came from (sources.format = 'meetings'); NULL when typed in the app
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS source_id INTEGER;
-- the title on English pages and slides (NULL: the Russian title is shown); versions published before it lack it
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS title_en VARCHAR;
-- summary, place, and each follow-up's text and owner on English pages and slides (NULL: the Russian text is shown,
-- marked as Russian); versions published before them lack them
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS summary_en VARCHAR;
ALTER TABLE meetings ADD COLUMN IF NOT EXISTS place_en VARCHAR;
CREATE TABLE IF NOT EXISTS meeting_partners (meeting_id INTEGER NOT NULL, partner VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS meeting_participants (
    meeting_id INTEGER NOT NULL, position INTEGER NOT NULL, name VARCHAR NOT NULL, role VARCHAR, side VARCHAR
);
CREATE TABLE IF NOT EXISTS meeting_topics (meeting_id INTEGER NOT NULL, topic VARCHAR NOT NULL);
-- each participant's name and role, and each topic, on English pages (NULL: the name transliterated, the Russian
-- role or topic shown, marked); versions published before them lack them
ALTER TABLE meeting_participants ADD COLUMN IF NOT EXISTS name_en VARCHAR;
ALTER TABLE meeting_participants ADD COLUMN IF NOT EXISTS role_en VARCHAR;
ALTER TABLE meeting_topics ADD COLUMN IF NOT EXISTS topic_en VARCHAR;
CREATE TABLE IF NOT EXISTS followups (
    followup_id INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    owner       VARCHAR,
    due_on      DATE,
    done        BOOLEAN NOT NULL DEFAULT FALSE   -- "overdue" is computed from due_on, never stored
);
ALTER TABLE followups ADD COLUMN IF NOT EXISTS text_en VARCHAR;
ALTER TABLE followups ADD COLUMN IF NOT EXISTS owner_en VARCHAR;

-- Rollups, so that pages never scan the declarations table. Kept up to date at each import from the new rows
-- only (store/rollups.py); rollups.sql is their definition over the whole of trade.
CREATE TABLE IF NOT EXISTS r_partner_month (
    region VARCHAR, year SMALLINT, month TINYINT, partner VARCHAR, flow VARCHAR, value_cents BIGINT
);
CREATE TABLE IF NOT EXISTS r_heading_month (
    region VARCHAR, year SMALLINT, month TINYINT, partner VARCHAR, flow VARCHAR, heading VARCHAR,
    value_cents BIGINT, netto_kg DOUBLE
);
-- The region's goods without the partner (the goods page's structure of the whole region): r_heading_month summed
-- over partners, a few times fewer rows. A segment written before it lacks it (store/segments.py DERIVED).
CREATE TABLE IF NOT EXISTS r_heading_region (
    region VARCHAR, year SMALLINT, month TINYINT, flow VARCHAR, heading VARCHAR, value_cents BIGINT, netto_kg DOUBLE
);
-- The goods page's whole year: r_heading_region summed over the months. Its rows live in the segments, each
-- publication's holding the complete rows of the region-years it touched (store/segments.py YEARLY); this table of
-- the version stays empty (the readers' view shadows it), except in a version made while it lived here.
CREATE TABLE IF NOT EXISTS r_heading_year (
    region VARCHAR, year SMALLINT, flow VARCHAR, heading VARCHAR, value_cents BIGINT, netto_kg DOUBLE
);
CREATE TABLE IF NOT EXISTS r_region_coverage (region VARCHAR, year SMALLINT, last_month TINYINT, months BIGINT);
CREATE TABLE IF NOT EXISTS r_source_coverage (region VARCHAR, year SMALLINT, source_id INTEGER);
-- The check record of a saved meeting's text (issue 15): who checked it, when, against which data version, and
-- every verdict, one row per quoted figure. Written when the meeting is saved; readers compare the latest record
-- with the verdicts of the version they serve and flag what a newer version changed.
CREATE TABLE IF NOT EXISTS meeting_checks (
    meeting_id INTEGER, text_sha256 VARCHAR, data_version VARCHAR, checked_at TIMESTAMP, checked_by VARCHAR,
    position INTEGER, quote VARCHAR, metric VARCHAR, partner VARCHAR, period VARCHAR, verdict VARCHAR,
    data_value DOUBLE
);
-- Official figures that arrive by letter (ingest/letters.py): one figure of the region or a partner for a period,
-- with the letter it comes from. value is normalised (US dollars to the cent, growth as a ratio, counts, places);
-- partner NULL = the region as a whole; restricted = ДСП (for official use): never on the guest deck or a download.
CREATE TABLE IF NOT EXISTS official_figures (
    region VARCHAR NOT NULL, year SMALLINT NOT NULL, m_from TINYINT NOT NULL, m_to TINYINT NOT NULL,
    partner VARCHAR, metric VARCHAR NOT NULL, value DECIMAL(38, 6) NOT NULL, unit VARCHAR,
    document VARCHAR NOT NULL, document_date DATE NOT NULL, restricted BOOLEAN NOT NULL, source_id INTEGER NOT NULL
);
-- The segments this version rests on (store/segments.py): trade and the two monthly rollups live in immutable
-- files shared by versions, so that a publication copies only this file. withdrawn: the region-months of a
-- segment that a newer file replaced (hidden by the views, dropped when the segment is merged).
CREATE TABLE IF NOT EXISTS segments (segment_id INTEGER PRIMARY KEY, rows BIGINT NOT NULL, made_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS withdrawn (
    segment_id INTEGER NOT NULL, region VARCHAR NOT NULL, year SMALLINT NOT NULL, month TINYINT NOT NULL,
    flow VARCHAR NOT NULL, PRIMARY KEY (segment_id, region, year, month, flow)
);
