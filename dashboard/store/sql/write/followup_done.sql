SELECT done FROM followups WHERE followup_id = $followup_id;
