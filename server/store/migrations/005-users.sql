-- Sign-in (issue 6, docs/decisions/017-sign-in-and-roles.md): the staff who may use the app,
-- and their server-side sessions. Password hashes (scrypt) never leave the server; session
-- ids are stored only as their SHA-256, so a copy of the database cannot sign anyone in.
CREATE TABLE users (
  id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  email text NOT NULL CHECK (email = lower(email) AND email <> ''),
  name text NOT NULL CHECK (name <> ''),
  role text NOT NULL CHECK (role IN ('admin', 'secretariat', 'coordinator', 'viewer')),
  disabled boolean NOT NULL DEFAULT false,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
