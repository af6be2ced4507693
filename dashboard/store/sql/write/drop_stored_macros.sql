-- The metric macros that releases before the read connection defined them (store/db.py) stored in every
-- version: dropped from a new version, which then holds data only, never a stale definition.
DROP MACRO IF EXISTS cents;
DROP MACRO TABLE IF EXISTS partner_period;
DROP MACRO IF EXISTS growth;
DROP MACRO TABLE IF EXISTS firms_total;
