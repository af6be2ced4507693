-- The blocks of the version being written that hold nothing (rows deleted: a store's rows moved into a segment) and
-- all its blocks, with their size: a version mostly free is written again without them (versions.new_version).
SELECT free_blocks, total_blocks, block_size FROM pragma_database_size() WHERE database_name = current_database();
