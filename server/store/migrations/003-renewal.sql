-- Term renewal (docs/decisions/013-term-renewal.md): a renewal links the term being renewed
-- to the term it prepares; a seat of the new term points back at the seat it continues; each
-- new seat gets at most one nomination (the coordinator's decision and where it stands).

ALTER TABLE seats
  ADD COLUMN previous_seat_id text CONSTRAINT seats_previous_seat_fk REFERENCES seats (id);
CREATE INDEX seats_previous_seat_idx ON seats (previous_seat_id);

CREATE TABLE renewals (
  id               text PRIMARY KEY,
  version          integer NOT NULL CHECK (version > 0),
  from_term_id     text NOT NULL CONSTRAINT renewals_from_term_fk REFERENCES terms (id),
  to_term_id       text NOT NULL CONSTRAINT renewals_to_term_fk REFERENCES terms (id),
  switched_over_at text,
  CONSTRAINT renewals_one_per_term UNIQUE (from_term_id),
  CONSTRAINT renewals_one_per_next_term UNIQUE (to_term_id),
  CONSTRAINT renewals_two_terms CHECK (from_term_id <> to_term_id)
);

CREATE TABLE nominations (
  id              text PRIMARY KEY,
  version         integer NOT NULL CHECK (version > 0),
  seat_id         text NOT NULL CONSTRAINT nominations_seat_fk REFERENCES seats (id),
  decision        text NOT NULL
    CONSTRAINT nominations_decision_known CHECK (decision IN ('reappoint', 'nominate', 'vacant', 'drop')),
  status          text NOT NULL
    CONSTRAINT nominations_status_known CHECK (status IN ('planned', 'requested', 'received', 'confirmed', 'declined')),
  person_id       text CONSTRAINT nominations_person_fk REFERENCES people (id),
  organization_id text CONSTRAINT nominations_organization_fk REFERENCES organizations (id),
  role            text NOT NULL CONSTRAINT nominations_role_known CHECK (role IN ('chair', 'vice-chair', 'member')),
  title           text NOT NULL DEFAULT '',
  requested_on    date,
  due_date        date,
  note            text NOT NULL DEFAULT '',
  decided_on      date,
  source          text,
  CONSTRAINT nominations_one_per_seat UNIQUE (seat_id),
  CONSTRAINT nominations_dates_in_order CHECK (requested_on IS NULL OR due_date IS NULL OR requested_on <= due_date),
  CONSTRAINT nominations_person_only_when_named
    CHECK (person_id IS NULL OR decision IN ('reappoint', 'nominate'))
);
CREATE INDEX nominations_person_idx ON nominations (person_id);
CREATE INDEX nominations_organization_idx ON nominations (organization_id);
