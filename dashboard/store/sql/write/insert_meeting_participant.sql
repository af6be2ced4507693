INSERT INTO meeting_participants (meeting_id, position, name, role, side)
VALUES ($meeting_id, $position, $name, $role, $side);
