INSERT INTO meeting_checks (meeting_id, text_sha256, data_version, checked_at, checked_by, position, quote, metric,
                            partner, period, verdict, data_value)
VALUES ($meeting_id, $text_sha256, $data_version, $checked_at, $checked_by, $position, $quote, $metric, $partner,
        $period, $verdict, $data_value);
