-- 001: the roster's tables, the constraints behind the domain rules, and the append-only
-- audit trail. PostgreSQL 15 SQL (PGlite is newer; use nothing the server lacks).
--
-- Rules the database keeps, whatever the application does (see src/domain/rules.ts):
--   one holder per seat at a time, one chair per body at a time, one seat per person per
--   body at a time (exclusion constraints over date ranges), memberships inside their term,
--   terms without overlap, end dates not before start dates (checks), references (foreign keys).
-- An open-ended membership (end_date null) lasts until its seat's term ends, so the ranges
-- use coalesce(end_date, term_end): memberships copy their seat's term and body (kept right
-- by a trigger and by foreign keys) so that the constraints can see them.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE terms (
  id         text PRIMARY KEY,
  version    integer NOT NULL CHECK (version > 0),
  label      text NOT NULL,
  start_date date NOT NULL,
  end_date   date NOT NULL,
  CONSTRAINT terms_dates_in_order CHECK (start_date <= end_date),
  CONSTRAINT terms_no_overlap EXCLUDE USING gist (daterange(start_date, end_date, '[]') WITH &&),
  -- Target of memberships_term_fk: memberships follow their term's dates.
  CONSTRAINT terms_id_dates_key UNIQUE (id, start_date, end_date)
);

CREATE TABLE bodies (
  id        text PRIMARY KEY,
  version   integer NOT NULL CHECK (version > 0),
  name      text NOT NULL,
  kind      text NOT NULL CONSTRAINT bodies_kind_known CHECK (kind IN ('council', 'forum')),
  parent_id text CONSTRAINT bodies_parent_fk REFERENCES bodies (id),
  purpose   text NOT NULL DEFAULT '',
  CONSTRAINT bodies_not_own_parent CHECK (parent_id <> id)
);
CREATE INDEX bodies_parent_idx ON bodies (parent_id);

CREATE TABLE organizations (
  id          text PRIMARY KEY,
  version     integer NOT NULL CHECK (version > 0),
  name        text NOT NULL,
  sector      text NOT NULL
    CONSTRAINT organizations_sector_known CHECK (sector IN ('municipality', 'business', 'union', 'education')),
  other_names jsonb NOT NULL DEFAULT '[]' CONSTRAINT organizations_other_names_list CHECK (jsonb_typeof(other_names) = 'array')
);

CREATE TABLE people (
  id      text PRIMARY KEY,
  version integer NOT NULL CHECK (version > 0),
  name    text NOT NULL,
  email   text,
  phone   text,
  notes   text NOT NULL DEFAULT ''
);

CREATE TABLE seats (
  id                         text PRIMARY KEY,
  version                    integer NOT NULL CHECK (version > 0),
  term_id                    text NOT NULL CONSTRAINT seats_term_fk REFERENCES terms (id),
  body_id                    text NOT NULL CONSTRAINT seats_body_fk REFERENCES bodies (id),
  label                      text NOT NULL,
  nominating_organization_id text CONSTRAINT seats_nominating_organization_fk REFERENCES organizations (id),
  reserved_sector            text
    CONSTRAINT seats_reserved_sector_known CHECK (reserved_sector IN ('municipality', 'business', 'union', 'education')),
  -- Target of memberships_seat_fk: a seat with memberships cannot move to another term or body.
  CONSTRAINT seats_id_term_body_key UNIQUE (id, term_id, body_id)
);
CREATE INDEX seats_term_idx ON seats (term_id);
CREATE INDEX seats_body_idx ON seats (body_id);
CREATE INDEX seats_nominating_organization_idx ON seats (nominating_organization_id);

CREATE TABLE memberships (
  id              text PRIMARY KEY,
  version         integer NOT NULL CHECK (version > 0),
  seat_id         text NOT NULL,
  person_id       text NOT NULL CONSTRAINT memberships_person_fk REFERENCES people (id),
  organization_id text CONSTRAINT memberships_organization_fk REFERENCES organizations (id),
  role            text NOT NULL CONSTRAINT memberships_role_known CHECK (role IN ('chair', 'vice-chair', 'member')),
  title           text NOT NULL DEFAULT '',
  start_date      date NOT NULL,
  end_date        date,
  end_reason      text,
  decided_on      date,
  source          text,
  -- Copies of the seat's term and body (memberships_copy_seat fills them; the two foreign
  -- keys below prove them right and carry a change of the term's dates into them).
  term_id         text NOT NULL,
  body_id         text NOT NULL,
  term_start      date NOT NULL,
  term_end        date NOT NULL,
  CONSTRAINT memberships_seat_fk FOREIGN KEY (seat_id, term_id, body_id) REFERENCES seats (id, term_id, body_id),
  CONSTRAINT memberships_term_fk FOREIGN KEY (term_id, term_start, term_end)
    REFERENCES terms (id, start_date, end_date) ON UPDATE CASCADE,
  CONSTRAINT memberships_dates_in_order CHECK (end_date IS NULL OR start_date <= end_date),
  CONSTRAINT memberships_within_term
    CHECK (start_date BETWEEN term_start AND term_end AND (end_date IS NULL OR end_date <= term_end)),
  CONSTRAINT memberships_one_holder_per_seat EXCLUDE USING gist (
    seat_id WITH =,
    daterange(start_date, coalesce(end_date, term_end), '[]') WITH &&
  ),
  CONSTRAINT memberships_one_chair_per_body EXCLUDE USING gist (
    body_id WITH =,
    daterange(start_date, coalesce(end_date, term_end), '[]') WITH &&
  ) WHERE (role = 'chair'),
  CONSTRAINT memberships_one_seat_per_person_per_body EXCLUDE USING gist (
    body_id WITH =,
    person_id WITH =,
    daterange(start_date, coalesce(end_date, term_end), '[]') WITH &&
  )
);
CREATE INDEX memberships_seat_idx ON memberships (seat_id);
CREATE INDEX memberships_person_idx ON memberships (person_id);
CREATE INDEX memberships_organization_idx ON memberships (organization_id);
CREATE INDEX memberships_term_idx ON memberships (term_id, term_start, term_end);

-- Fills a membership's copies of its seat's term and body on every insert and update.
CREATE FUNCTION memberships_copy_seat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT s.term_id, s.body_id, t.start_date, t.end_date
    INTO NEW.term_id, NEW.body_id, NEW.term_start, NEW.term_end
    FROM seats s JOIN terms t ON t.id = s.term_id
   WHERE s.id = NEW.seat_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'a membership refers to a seat that does not exist'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'memberships_seat_fk', TABLE = 'memberships';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER memberships_copy_seat BEFORE INSERT OR UPDATE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_copy_seat();

-- The audit trail: one row per change, written in the change's transaction.
CREATE TABLE audit_events (
  seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  action    text NOT NULL CONSTRAINT audit_events_action_known CHECK (action IN ('create', 'update', 'delete')),
  entity    text NOT NULL,
  entity_id text NOT NULL,
  before    jsonb,
  after     jsonb,
  CONSTRAINT audit_events_before_unless_create CHECK ((action = 'create') = (before IS NULL)),
  CONSTRAINT audit_events_after_unless_delete CHECK ((action = 'delete') = (after IS NULL))
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, seq);
CREATE INDEX audit_events_at_idx ON audit_events (at);

-- Append-only: no role that uses this database through the app may change or remove an event.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
