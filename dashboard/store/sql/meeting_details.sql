-- Partners, participants, topics and follow-ups of all meetings, one row per item, in their stored order.
-- kind: partner | participant | topic | followup. No params.
SELECT meeting_id, 'partner' AS kind, rowid AS pos, partner AS a, NULL AS b, NULL AS c,
       NULL::DATE AS due_on, NULL::BOOLEAN AS done, NULL::INTEGER AS followup_id
FROM meeting_partners
UNION ALL
SELECT meeting_id, 'participant', position, name, role, side, NULL, NULL, NULL FROM meeting_participants
UNION ALL
SELECT meeting_id, 'topic', rowid, topic, NULL, NULL, NULL, NULL, NULL FROM meeting_topics
UNION ALL
SELECT meeting_id, 'followup', followup_id, text, owner, NULL, due_on, done, followup_id FROM followups
ORDER BY meeting_id, kind, pos;
