-- Follow-ups not done yet (open or overdue: "overdue" is computed from due_on by the caller), optionally of
-- one partner's meetings, earliest due first. Params: partner (NULL = all).
SELECT f.followup_id, f.meeting_id, f.text, f.owner, f.due_on, f.done, m.held_on, m.title
FROM followups f
JOIN meetings m USING (meeting_id)
WHERE NOT f.done
  AND ($partner IS NULL OR f.meeting_id IN (SELECT meeting_id FROM meeting_partners WHERE partner = $partner))
ORDER BY f.due_on NULLS LAST, m.held_on, f.followup_id;
