/** Users and sessions in PostgreSQL (migration 005-users.sql), on PGlite or a server. */
import type { User } from '../../src/domain/auth';
import { isDatabaseError, type Row, type Sql, type SqlDatabase } from '../store/sql';
import {
  EmailTakenError,
  LastAdminError,
  StaleUserError,
  UserNotFoundError,
  type Accounts,
  type NewUser,
  type SessionRecord,
} from './accounts';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const USER_COLUMNS = `id, version, email, name, role, disabled, ${ISO('created_at')} AS "createdAt", ${ISO('last_sign_in_at')} AS "lastSignInAt"`;
const SESSION_COLUMNS = `id_hash AS "idHash", user_id AS "userId", ${ISO('created_at')} AS "createdAt", ${ISO('last_seen_at')} AS "lastSeenAt"`;

const toUser = (row: Row): User => row as unknown as User;

export function createSqlAccounts(db: SqlDatabase, newId: () => string = () => crypto.randomUUID()): Accounts {
  async function insert(sql: Sql, data: NewUser): Promise<User> {
    const [taken] = await sql.query<{ id: string }>('SELECT id FROM users WHERE email = $1::text', [data.email]);
    if (taken) throw new EmailTakenError(taken.id);
    try {
      const [row] = await sql.query(
        `INSERT INTO users (id, email, name, role, password_hash, created_at)
         VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text::timestamptz) RETURNING ${USER_COLUMNS}`,
        [newId(), data.email, data.name, data.role, data.passwordHash, data.createdAt],
      );
      if (!row) throw new Error('INSERT … RETURNING returned no row');
      return toUser(row);
    } catch (e) {
      // Two creations of the same e-mail at once: the unique index decides.
      if (isDatabaseError(e) && e.code === '23505') {
        const [winner] = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1::text', [data.email]);
        throw new EmailTakenError(winner?.id ?? '');
      }
      throw e;
    }
  }

  return {
    async countUsers() {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      return row?.n ?? 0;
    },
    async listUsers() {
      return (await db.query(`SELECT ${USER_COLUMNS} FROM users`)).map(toUser).sort(
        (a, b) => a.name.localeCompare(b.name, 'da') || a.email.localeCompare(b.email),
      );
    },
    async getUser(id) {
      const [row] = await db.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1::text`, [id]);
      return row && toUser(row);
    },
    async findForSignIn(email) {
      const [row] = await db.query(`SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE email = $1::text`, [email]);
      if (!row) return undefined;
      const { passwordHash, ...user } = row as unknown as User & { passwordHash: string };
      return { user, passwordHash };
    },
    createUser: (data) => db.transaction((sql) => insert(sql, data)),
    createFirstUser: (data) =>
      db.transaction(async (sql) => {
        // Two first visitors at once: the second waits here and then finds the first's admin.
        await sql.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
        const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
        return row?.n === 0 ? insert(sql, data) : undefined;
      }),
    updateUser: (id, changes, expectedVersion) =>
      db.transaction(async (sql) => {
        // The active admins are locked first, so two demotions at once cannot both pass the check.
        await sql.query(`SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`);
        const [row] = await sql.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1::text FOR UPDATE`, [id]);
        if (!row) throw new UserNotFoundError(id);
        const current = toUser(row);
        if (current.version !== expectedVersion) throw new StaleUserError(current);
        if (changes.email !== undefined) {
          const [taken] = await sql.query<{ id: string }>('SELECT id FROM users WHERE email = $1::text AND id <> $2::text', [changes.email, id]);
          if (taken) throw new EmailTakenError(taken.id);
        }
        const [updated] = await sql.query(
          `UPDATE users SET version = version + 1,
             email = coalesce($2::text, email), name = coalesce($3::text, name), role = coalesce($4::text, role),
             disabled = coalesce($5::boolean, disabled), password_hash = coalesce($6::text, password_hash)
           WHERE id = $1::text RETURNING ${USER_COLUMNS}`,
          [id, changes.email ?? null, changes.name ?? null, changes.role ?? null, changes.disabled ?? null, changes.passwordHash ?? null],
        );
        const [admins] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`);
        if (admins?.n === 0) throw new LastAdminError(id);
        if (!updated) throw new UserNotFoundError(id);
        const user = toUser(updated);
        if (user.disabled || changes.passwordHash !== undefined) {
          await sql.query('DELETE FROM sessions WHERE user_id = $1::text', [id]);
        }
        return user;
      }),
    async recordSignIn(userId, at) {
      await db.query('UPDATE users SET last_sign_in_at = $2::text::timestamptz WHERE id = $1::text', [userId, at]);
    },
    async createSession(s: SessionRecord) {
      await db.query(
        `INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at)
         VALUES ($1::text, $2::text, $3::text::timestamptz, $4::text::timestamptz)`,
        [s.idHash, s.userId, s.createdAt, s.lastSeenAt],
      );
    },
    async getSession(idHash) {
      const [row] = await db.query(
        `SELECT ${SESSION_COLUMNS}, to_jsonb(u) AS "userRow"
           FROM sessions JOIN (SELECT ${USER_COLUMNS} FROM users) u ON u.id = sessions.user_id
          WHERE id_hash = $1::text`,
        [idHash],
      );
      if (!row) return undefined;
      const { userRow, ...session } = row as unknown as SessionRecord & { userRow: User };
      return { ...session, user: userRow };
    },
    async touchSession(idHash, lastSeenAt) {
      await db.query('UPDATE sessions SET last_seen_at = $2::text::timestamptz WHERE id_hash = $1::text', [idHash, lastSeenAt]);
    },
    async deleteSession(idHash) {
      await db.query('DELETE FROM sessions WHERE id_hash = $1::text', [idHash]);
    },
    async deleteExpiredSessions(idleBefore, createdBefore) {
      await db.query('DELETE FROM sessions WHERE last_seen_at < $1::text::timestamptz OR created_at < $2::text::timestamptz', [
        idleBefore,
        createdBefore,
      ]);
    },
  };
}
