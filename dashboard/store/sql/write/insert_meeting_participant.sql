INSERT INTO meeting_participants (meeting_id, position, name, role, side, name_en, role_en)
VALUES ($meeting_id, $position, $name, $role, $side, $name_en, $role_en);
