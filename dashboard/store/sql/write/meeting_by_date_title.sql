SELECT meeting_id FROM meetings WHERE held_on = $held_on AND title = $title;
