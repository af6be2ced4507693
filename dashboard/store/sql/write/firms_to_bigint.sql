-- Firm counts as 64-bit integers, upgraded once in the version that finds a 32-bit column (every value fits).
ALTER TABLE firms ALTER firms TYPE BIGINT;
