-- GDPR erasure (docs/decisions/016-personal-data.md): the audit trail stays append-only,
-- except that a transaction which says it is erasing a person (SET LOCAL
-- alliance_roster.erasure = 'on') may overwrite the before and after of events. It can
-- never delete an event, nor change when, by whom, what or which record.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('alliance_roster.erasure', true), 'off') = 'on'
     AND NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
     AND NEW.entity = OLD.entity AND NEW.entity_id = OLD.entity_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
