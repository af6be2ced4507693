INSERT INTO meeting_partners (meeting_id, partner) VALUES ($meeting_id, $partner);
