-- A version file mostly free (free_space.sql) written again without its free blocks, on a connection of its own
-- (versions.new_version, the version closed): every table with its constraints and defaults, into $out, which is
-- then renamed over $src.
ATTACH $src AS src (READ_ONLY);
ATTACH $out AS compacted;
COPY FROM DATABASE src TO compacted;
DETACH compacted;
DETACH src;
