-- One row of the import log per loaded file; its sha256 makes loading the same file again a no-op.
INSERT INTO sources (source_id, file_name, sha256, format, rows_loaded, eaeu_included, regions, period_from,
                     period_to, is_demo, loaded_by, loaded_at, note)
VALUES ($source_id, $file_name, $sha256, $format, $rows_loaded, $eaeu_included, $regions, $period_from,
        $period_to, $is_demo, $loaded_by, $loaded_at, $note);
