UPDATE followups SET done = $done WHERE followup_id = $followup_id;
