-- A meeting stored again (a corrected text) first leaves every table it is in.
DELETE FROM meetings WHERE meeting_id = $meeting_id;
DELETE FROM meeting_partners WHERE meeting_id = $meeting_id;
DELETE FROM meeting_participants WHERE meeting_id = $meeting_id;
DELETE FROM meeting_topics WHERE meeting_id = $meeting_id;
DELETE FROM followups WHERE meeting_id = $meeting_id;
