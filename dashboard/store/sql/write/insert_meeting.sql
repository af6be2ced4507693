INSERT INTO meetings (meeting_id, held_on, title, place, summary_md, source, full_text, created_at, created_by,
                      source_id, title_en, summary_en, place_en)
VALUES ($meeting_id, $held_on, $title, $place, $summary_md, $source, $full_text, $created_at, $created_by,
        $source_id, $title_en, $summary_en, $place_en);
