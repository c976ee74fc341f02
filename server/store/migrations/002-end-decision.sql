-- The decision that ended a membership (a vacancy, a change or a replacement) and a link to
-- it, next to the decision that started it (decided_on, source).
ALTER TABLE memberships
  ADD COLUMN end_decided_on date,
  ADD COLUMN end_source text;
