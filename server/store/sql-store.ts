/**
 * The production Store: PostgreSQL SQL over the Sql interface, the same statements on PGlite
 * and on a PostgreSQL server. Records live in one table per entity (migrations/), every write
 * adds an audit event in the same transaction, and a write the database's constraints refuse
 * becomes a ConstraintViolationError that names the rule and, looked up after the rollback,
 * the record it collided with. Versions are checked under a row lock (SELECT ... FOR UPDATE),
 * so two edits of the same version can never both succeed.
 */
import {
  ENTITY_NAMES,
  ConstraintViolationError,
  NotFoundError,
  StaleVersionError,
  StoreNotEmptyError,
  SYSTEM_ACTOR,
  type AuditAction,
  type AuditEvent,
  type ConstraintRule,
  type Data,
  type Dump,
  type EntityMap,
  type EntityName,
  type FilterMap,
  type Repo,
  type Repos,
  type Store,
  type TransactionExtras,
} from './store';
import { foldForSearch } from '../../src/domain/text';
import { createSqlAccounts } from '../auth/sql-accounts';
import { isDatabaseError, type Row, type Sql, type SqlDatabase } from './sql';

// Tables ----------------------------------------------------------------------------------

type ColumnType = 'text' | 'date' | 'integer' | 'jsonb';
interface Column {
  field: string;
  column: string;
  type: ColumnType;
}
interface Table {
  name: string;
  /** The data columns (id and version come on top). */
  columns: Column[];
  /** SQL condition per filter field, given the parameter's placeholder. */
  filters: Record<string, (param: string) => string>;
  /** The column with the folded text that the `search` filter looks in (migration 006). */
  searchColumn?: string;
}

const c = (field: string, column: string, type: ColumnType = 'text'): Column => ({ field, column, type });
const equals = (column: string) => (p: string) => `${column} = ${p}::text`;
/** One of a list of ids, passed as a JSON array (the same on PGlite and pg); ANY(ARRAY(...)) uses the primary key. */
const inIds = (p: string) => `id = ANY(ARRAY(SELECT jsonb_array_elements_text(${p}::text::jsonb)))`;

const TABLES: Record<EntityName, Table> = {
  terms: {
    name: 'terms',
    columns: [c('label', 'label'), c('startDate', 'start_date', 'date'), c('endDate', 'end_date', 'date')],
    filters: {},
  },
  bodies: {
    name: 'bodies',
    columns: [c('name', 'name'), c('kind', 'kind'), c('parentId', 'parent_id'), c('purpose', 'purpose')],
    filters: { parentId: equals('parent_id') },
  },
  organizations: {
    name: 'organizations',
    columns: [c('name', 'name'), c('sector', 'sector'), c('otherNames', 'other_names', 'jsonb')],
    filters: { ids: inIds, personId: (p) => `id IN (SELECT organization_id FROM memberships WHERE person_id = ${p}::text)` },
  },
  people: {
    name: 'people',
    columns: [c('name', 'name'), c('email', 'email'), c('phone', 'phone'), c('notes', 'notes')],
    filters: { ids: inIds },
    searchColumn: 'name_folded',
  },
  seats: {
    name: 'seats',
    columns: [
      c('termId', 'term_id'),
      c('bodyId', 'body_id'),
      c('label', 'label'),
      c('nominatingOrganizationId', 'nominating_organization_id'),
      c('reservedSector', 'reserved_sector'),
      c('previousSeatId', 'previous_seat_id'),
    ],
    filters: {
      ids: inIds,
      termId: equals('term_id'),
      bodyId: equals('body_id'),
      nominatingOrganizationId: equals('nominating_organization_id'),
      previousSeatId: equals('previous_seat_id'),
      personId: (p) => `id IN (SELECT seat_id FROM memberships WHERE person_id = ${p}::text)`,
    },
  },
  memberships: {
    name: 'memberships',
    columns: [
      c('seatId', 'seat_id'),
      c('personId', 'person_id'),
      c('organizationId', 'organization_id'),
      c('role', 'role'),
      c('title', 'title'),
      c('startDate', 'start_date', 'date'),
      c('endDate', 'end_date', 'date'),
      c('endReason', 'end_reason'),
      c('decidedOn', 'decided_on', 'date'),
      c('source', 'source'),
      c('endDecidedOn', 'end_decided_on', 'date'),
      c('endSource', 'end_source'),
    ],
    filters: {
      seatId: equals('seat_id'),
      personId: equals('person_id'),
      organizationId: equals('organization_id'),
      // body_id is the membership's copy of its seat's body.
      bodyId: equals('body_id'),
      // Active on the date; an open end lasts until the term ends.
      asOf: (p) => `start_date <= ${p}::text::date AND coalesce(end_date, term_end) >= ${p}::text::date`,
    },
  },
  renewals: {
    name: 'renewals',
    columns: [c('fromTermId', 'from_term_id'), c('toTermId', 'to_term_id'), c('switchedOverAt', 'switched_over_at')],
    filters: { fromTermId: equals('from_term_id'), toTermId: equals('to_term_id') },
  },
  nominations: {
    name: 'nominations',
    columns: [
      c('seatId', 'seat_id'),
      c('decision', 'decision'),
      c('status', 'status'),
      c('personId', 'person_id'),
      c('organizationId', 'organization_id'),
      c('role', 'role'),
      c('title', 'title'),
      c('requestedOn', 'requested_on', 'date'),
      c('dueDate', 'due_date', 'date'),
      c('note', 'note'),
      c('decidedOn', 'decided_on', 'date'),
      c('source', 'source'),
    ],
    filters: {
      seatId: equals('seat_id'),
      personId: equals('person_id'),
      organizationId: equals('organization_id'),
      termId: (p) => `seat_id IN (SELECT id FROM seats WHERE term_id = ${p}::text)`,
    },
  },
};

/** The words of a search as matchesSearch sees them (none: everything matches). */
const searchWords = (q: string) => foldForSearch(q).split(' ').filter((w) => w !== '');

/** deadlock_detected, serialization_failure: the transaction may simply be run again. */
const RETRYABLE = ['40P01', '40001'];
const MAX_ATTEMPTS = 5;

/** Dependency order: a table only refers to tables before it. */
const INSERT_ORDER: EntityName[] = ['terms', 'bodies', 'organizations', 'people', 'seats', 'memberships', 'renewals', 'nominations'];

const selectList = (t: Table) =>
  [
    'id',
    'version',
    ...t.columns.map((col) =>
      col.type === 'date' ? `to_char(${col.column}, 'YYYY-MM-DD') AS "${col.field}"` : `${col.column} AS "${col.field}"`,
    ),
  ].join(', ');

const placeholder = (type: ColumnType, n: number) =>
  type === 'date' ? `$${n}::text::date` : type === 'jsonb' ? `$${n}::text::jsonb` : type === 'integer' ? `$${n}::integer` : `$${n}::text`;

const paramOf = (col: Column, data: Record<string, unknown>) => {
  const value = data[col.field] ?? null;
  return col.type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
};

/** A record as the API shows it: the database's int version as a number. */
const toRecord = <T>(row: Row): T => ({ ...row, version: Number(row.version) }) as T;

// Constraints -----------------------------------------------------------------------------

interface ConstraintInfo {
  rule: ConstraintRule;
  /** The table that owns the constraint. */
  owner: EntityName;
  field?: string;
  /** For a foreign key: the column in the owner, and the referenced entity. */
  fk?: { column: string; references: EntityName };
}

const CONSTRAINTS: Record<string, ConstraintInfo> = {
  terms_dates_in_order: { rule: 'date-order', owner: 'terms', field: 'endDate' },
  terms_no_overlap: { rule: 'term-overlap', owner: 'terms', field: 'startDate' },
  memberships_dates_in_order: { rule: 'date-order', owner: 'memberships', field: 'endDate' },
  memberships_within_term: { rule: 'within-term', owner: 'memberships', field: 'startDate' },
  memberships_one_holder_per_seat: { rule: 'seat-holder', owner: 'memberships', field: 'seatId' },
  memberships_one_chair_per_body: { rule: 'body-chair', owner: 'memberships', field: 'role' },
  memberships_one_seat_per_person_per_body: { rule: 'person-body', owner: 'memberships', field: 'personId' },
  bodies_parent_fk: { rule: 'missing-reference', owner: 'bodies', field: 'parentId', fk: { column: 'parent_id', references: 'bodies' } },
  seats_term_fk: { rule: 'missing-reference', owner: 'seats', field: 'termId', fk: { column: 'term_id', references: 'terms' } },
  seats_body_fk: { rule: 'missing-reference', owner: 'seats', field: 'bodyId', fk: { column: 'body_id', references: 'bodies' } },
  seats_nominating_organization_fk: {
    rule: 'missing-reference',
    owner: 'seats',
    field: 'nominatingOrganizationId',
    fk: { column: 'nominating_organization_id', references: 'organizations' },
  },
  memberships_seat_fk: { rule: 'missing-reference', owner: 'memberships', field: 'seatId', fk: { column: 'seat_id', references: 'seats' } },
  memberships_person_fk: { rule: 'missing-reference', owner: 'memberships', field: 'personId', fk: { column: 'person_id', references: 'people' } },
  seats_previous_seat_fk: {
    rule: 'missing-reference',
    owner: 'seats',
    field: 'previousSeatId',
    fk: { column: 'previous_seat_id', references: 'seats' },
  },
  renewals_from_term_fk: { rule: 'missing-reference', owner: 'renewals', field: 'fromTermId', fk: { column: 'from_term_id', references: 'terms' } },
  renewals_to_term_fk: { rule: 'missing-reference', owner: 'renewals', field: 'toTermId', fk: { column: 'to_term_id', references: 'terms' } },
  nominations_seat_fk: { rule: 'missing-reference', owner: 'nominations', field: 'seatId', fk: { column: 'seat_id', references: 'seats' } },
  nominations_person_fk: { rule: 'missing-reference', owner: 'nominations', field: 'personId', fk: { column: 'person_id', references: 'people' } },
  nominations_organization_fk: {
    rule: 'missing-reference',
    owner: 'nominations',
    field: 'organizationId',
    fk: { column: 'organization_id', references: 'organizations' },
  },
  nominations_dates_in_order: { rule: 'date-order', owner: 'nominations', field: 'dueDate' },
  nominations_one_per_seat: { rule: 'duplicate', owner: 'nominations', field: 'seatId' },
  renewals_one_per_term: { rule: 'duplicate', owner: 'renewals', field: 'fromTermId' },
  renewals_one_per_next_term: { rule: 'duplicate', owner: 'renewals', field: 'toTermId' },
  memberships_organization_fk: {
    rule: 'missing-reference',
    owner: 'memberships',
    field: 'organizationId',
    fk: { column: 'organization_id', references: 'organizations' },
  },
};

/** What a repo was doing when the database refused it. */
interface Write {
  entity: EntityName;
  kind: 'insert' | 'update' | 'delete';
  id: string;
  data?: Record<string, unknown>;
}

/** A query that finds the conflicting record once the failed transaction has rolled back. */
interface Lookup {
  entity: EntityName;
  sql: string;
  params: unknown[];
}

const EFFECTIVE_RANGE = `daterange(m.start_date, coalesce(m.end_date, m.term_end), '[]')`;
/** The candidate membership's range ($2 start, $3 end), its open end closed by its seat's term ($4 seat). */
const CANDIDATE_RANGE = `daterange($2::text::date, coalesce($3::text::date,
  (SELECT t.end_date FROM seats s JOIN terms t ON t.id = s.term_id WHERE s.id = $4::text)), '[]')`;

function lookupFor(info: ConstraintInfo, constraint: string, write: Write): Lookup | undefined {
  const d = write.data ?? {};
  if (info.rule === 'in-use' && info.fk) {
    return {
      entity: info.owner,
      sql: `SELECT id FROM ${TABLES[info.owner].name} WHERE ${info.fk.column} = $1::text ORDER BY id LIMIT 1`,
      params: [write.id],
    };
  }
  if (write.entity === 'memberships' && ['seat-holder', 'body-chair', 'person-body'].includes(info.rule)) {
    const sameBody = `m.body_id = (SELECT body_id FROM seats WHERE id = $4::text)`;
    const where: Record<string, string> = {
      'seat-holder': 'm.seat_id = $4::text',
      'body-chair': `${sameBody} AND m.role = 'chair'`,
      'person-body': `${sameBody} AND m.person_id = $5::text`,
    };
    return {
      entity: 'memberships',
      sql: `SELECT m.id FROM memberships m
             WHERE m.id <> $1::text AND ${where[info.rule]} AND ${EFFECTIVE_RANGE} && ${CANDIDATE_RANGE}
             ORDER BY m.start_date LIMIT 1`,
      params: [write.id, d.startDate, d.endDate, d.seatId, ...(info.rule === 'person-body' ? [d.personId] : [])],
    };
  }
  if (constraint === 'memberships_within_term' && write.entity === 'memberships') {
    return { entity: 'terms', sql: 'SELECT term_id AS id FROM seats WHERE id = $1::text', params: [d.seatId] };
  }
  if (constraint === 'memberships_within_term' && write.entity === 'terms') {
    // A term's new dates would leave one of its memberships outside.
    return {
      entity: 'memberships',
      sql: `SELECT id FROM memberships
             WHERE term_id = $1::text
               AND NOT (start_date BETWEEN $2::text::date AND $3::text::date AND (end_date IS NULL OR end_date <= $3::text::date))
             ORDER BY start_date LIMIT 1`,
      params: [write.id, d.startDate, d.endDate],
    };
  }
  if (info.rule === 'duplicate' && info.field) {
    const column = TABLES[info.owner].columns.find((col) => col.field === info.field)?.column;
    if (column) {
      return {
        entity: info.owner,
        sql: `SELECT id FROM ${TABLES[info.owner].name} WHERE ${column} = $1::text AND id <> $2::text LIMIT 1`,
        params: [d[info.field], write.id],
      };
    }
  }
  if (info.rule === 'term-overlap') {
    return {
      entity: 'terms',
      sql: `SELECT id FROM terms
             WHERE id <> $1::text AND daterange(start_date, end_date, '[]') && daterange($2::text::date, $3::text::date, '[]')
             ORDER BY start_date LIMIT 1`,
      params: [write.id, d.startDate, d.endDate],
    };
  }
  return undefined;
}

const lookups = new WeakMap<ConstraintViolationError, Lookup>();

/** Turns a constraint error of the database into a ConstraintViolationError; other errors pass. */
function translate(e: unknown, write: Write): unknown {
  if (!isDatabaseError(e) || !['23P01', '23503', '23514', '23505'].includes(e.code)) return e;
  const constraint = e.constraint ?? '';
  const known = CONSTRAINTS[constraint];
  let info: ConstraintInfo = known ?? { rule: 'invalid-value', owner: write.entity };
  // A foreign key refuses a write to the referencing table (the reference is missing) or a
  // delete or key change of the referenced record (it is still in use).
  if (known?.fk && (write.kind === 'delete' || known.owner !== write.entity)) {
    info = { ...known, rule: 'in-use', field: undefined };
  }
  const error = new ConstraintViolationError(info.rule, constraint, write.entity, info.field);
  const lookup = lookupFor(info, constraint, write);
  if (lookup) lookups.set(error, lookup);
  return error;
}

// Store -----------------------------------------------------------------------------------

export interface SqlStoreOptions {
  newId?: () => string;
}

export function createSqlStore(db: SqlDatabase, { newId = () => crypto.randomUUID() }: SqlStoreOptions = {}): Store {
  async function audit(sql: Sql, actor: string, action: AuditAction, entity: EntityName, id: string, before: unknown, after: unknown) {
    await sql.query(
      `INSERT INTO audit_events (actor, action, entity, entity_id, before, after)
       VALUES ($1::text, $2::text, $3::text, $4::text, $5::text::jsonb, $6::text::jsonb)`,
      [actor, action, entity, id, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after)],
    );
  }

  function reader<K extends EntityName>(name: K, sql: Sql) {
    type T = EntityMap[K];
    const t = TABLES[name];
    return {
      async list(filter?: FilterMap[K]): Promise<T[]> {
        const conditions: string[] = [];
        const params: unknown[] = [];
        for (const [field, value] of Object.entries(filter ?? {})) {
          if (field === 'search' && t.searchColumn && typeof value === 'string') {
            // Every folded word somewhere in the folded text, as matchesSearch: one LIKE per word.
            for (const word of searchWords(value)) {
              params.push(`%${word.replace(/[\\%_]/g, '\\$&')}%`);
              conditions.push(`${t.searchColumn} LIKE $${params.length}::text`);
            }
            continue;
          }
          const condition = t.filters[field];
          if (value === undefined || !condition) continue;
          params.push(Array.isArray(value) ? JSON.stringify(value) : value);
          conditions.push(condition(`$${params.length}`));
        }
        const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
        const rows = await sql.query(`SELECT ${selectList(t)} FROM ${t.name} ${where} ORDER BY id`, params);
        return rows.map((r) => toRecord<T>(r));
      },
      async get(id: string): Promise<T | undefined> {
        const [row] = await sql.query(`SELECT ${selectList(t)} FROM ${t.name} WHERE id = $1::text`, [id]);
        return row && toRecord<T>(row);
      },
    };
  }

  function repo<K extends EntityName>(name: K, sql: Sql, actor: string): Repo<EntityMap[K], FilterMap[K]> {
    type T = EntityMap[K];
    const t = TABLES[name];
    const read = reader(name, sql);
    const run = async <R>(write: Write, statement: () => Promise<R>): Promise<R> => {
      try {
        return await statement();
      } catch (e) {
        throw translate(e, write);
      }
    };
    /** The current record, locked until the transaction ends; checks the expected version. */
    const lockCurrent = async (id: string, expectedVersion?: number): Promise<T> => {
      const [row] = await sql.query(`SELECT ${selectList(t)} FROM ${t.name} WHERE id = $1::text FOR UPDATE`, [id]);
      if (!row) throw new NotFoundError(name, id);
      const current = toRecord<T>(row);
      if (expectedVersion !== undefined && current.version !== expectedVersion) throw new StaleVersionError(name, current);
      return current;
    };
    /**
     * Membership writes take a lock per body (released at commit): concurrent inserts into the
     * same exclusion constraint would otherwise wait for each other's uncommitted rows and
     * deadlock; in turn, the one that waited sees the winner committed and is refused at once.
     */
    const lockBodiesOf = async (seatIds: unknown[]) => {
      if (name !== 'memberships') return;
      await sql.query(
        `SELECT pg_advisory_xact_lock(hashtext('alliance-roster memberships of body ' || body_id))
           FROM (SELECT DISTINCT body_id FROM seats WHERE id IN ($1::text, $2::text) ORDER BY body_id) AS bodies`,
        [seatIds[0] ?? null, seatIds[1] ?? seatIds[0] ?? null],
      );
    };
    return {
      ...read,
      async insert(data: Data<T>): Promise<T> {
        const id = newId();
        const values = data as Record<string, unknown>;
        await lockBodiesOf([values.seatId]);
        const columns = ['id', 'version', ...t.columns.map((col) => col.column)];
        const placeholders = ['$1::text', '1', ...t.columns.map((col, i) => placeholder(col.type, i + 2))];
        const [row] = await run({ entity: name, kind: 'insert', id, data: values }, () =>
          sql.query(
            `INSERT INTO ${t.name} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING ${selectList(t)}`,
            [id, ...t.columns.map((col) => paramOf(col, values))],
          ),
        );
        const created = toRecord<T>(row ?? {});
        await audit(sql, actor, 'create', name, id, null, created);
        return created;
      },
      async update(id: string, data: Data<T>, expectedVersion?: number): Promise<T> {
        const values = data as Record<string, unknown>;
        if (name === 'memberships') {
          const [row] = await sql.query<{ seat_id: string }>('SELECT seat_id FROM memberships WHERE id = $1::text', [id]);
          await lockBodiesOf([values.seatId, row?.seat_id]);
        }
        const before = await lockCurrent(id, expectedVersion);
        const sets = t.columns.map((col, i) => `${col.column} = ${placeholder(col.type, i + 2)}`);
        const [row] = await run({ entity: name, kind: 'update', id, data: values }, () =>
          sql.query(
            `UPDATE ${t.name} SET ${sets.join(', ')}, version = version + 1 WHERE id = $1::text RETURNING ${selectList(t)}`,
            [id, ...t.columns.map((col) => paramOf(col, values))],
          ),
        );
        const updated = toRecord<T>(row ?? {});
        await audit(sql, actor, 'update', name, id, before, updated);
        return updated;
      },
      async remove(id: string, expectedVersion?: number): Promise<void> {
        const before = await lockCurrent(id, expectedVersion);
        await run({ entity: name, kind: 'delete', id }, () => sql.query(`DELETE FROM ${t.name} WHERE id = $1::text`, [id]));
        await audit(sql, actor, 'delete', name, id, before, null);
      },
    };
  }

  /** Erasure only: the audit trigger lets this transaction change before/after, nothing else (migration 004). */
  const scrubAuditWith = (sql: Sql) => async (entity: EntityName, entityId: string, replacement: Record<string, unknown>) => {
    await sql.query(`SELECT set_config('alliance_roster.erasure', 'on', true)`);
    const rows = await sql.query(
      `UPDATE audit_events
          SET before = CASE WHEN before IS NULL THEN NULL ELSE before || $3::text::jsonb END,
              after = CASE WHEN after IS NULL THEN NULL ELSE after || $3::text::jsonb END
        WHERE entity = $1::text AND entity_id = $2::text
        RETURNING seq`,
      [entity, entityId, JSON.stringify(replacement)],
    );
    await sql.query(`SELECT set_config('alliance_roster.erasure', 'off', true)`);
    return rows.length;
  };

  const reposFor = (sql: Sql, actor: string) =>
    ({
      ...Object.fromEntries(ENTITY_NAMES.map((n) => [n, repo(n, sql, actor)])),
      scrubAudit: scrubAuditWith(sql),
    }) as unknown as Repos & TransactionExtras;

  /**
   * Runs fn in a database transaction. Concurrent inserts into the same exclusion constraint
   * can deadlock on a server (each waits for the other's uncommitted row); PostgreSQL then
   * aborts one, which is run again from the start, as after a serialization failure.
   */
  async function transaction<R>(fn: (tx: Repos & TransactionExtras) => Promise<R>, options: { actor?: string } = {}): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction((sql) => fn(reposFor(sql, options.actor ?? SYSTEM_ACTOR)));
      } catch (e) {
        if (isDatabaseError(e) && RETRYABLE.includes(e.code) && attempt < MAX_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
          continue;
        }
        if (e instanceof ConstraintViolationError) await findConflict(e);
        throw e;
      }
    }
  }

  /** After the rollback: which record did the refused write collide with? */
  async function findConflict(error: ConstraintViolationError) {
    const lookup = lookups.get(error);
    if (!lookup || error.conflict) return;
    try {
      const [row] = await db.query<{ id: string }>(lookup.sql, lookup.params);
      if (row) error.conflict = { entity: lookup.entity, id: row.id };
    } catch {
      // The answer is a 409 either way; without the lookup it just names no record.
    }
  }

  /** Outside a transaction: reads go straight to the database, each write is its own transaction by 'system'. */
  function outsideRepo<K extends EntityName>(name: K): Repo<EntityMap[K], FilterMap[K]> {
    type R = Repo<EntityMap[K], FilterMap[K]>;
    const inTx = <V>(fn: (r: R) => Promise<V>) => transaction((tx) => fn(tx[name] as unknown as R));
    return {
      ...reader(name, db),
      insert: (data) => inTx((r) => r.insert(data)),
      update: (id, data, expectedVersion) => inTx((r) => r.update(id, data, expectedVersion)),
      remove: (id, expectedVersion) => inTx((r) => r.remove(id, expectedVersion)),
    };
  }

  const isEmpty = async (sql: Sql) => {
    const tables = ['audit_events', ...INSERT_ORDER.map((n) => TABLES[n].name)];
    const [row] = await sql.query<{ empty: boolean }>(
      `SELECT ${tables.map((t) => `NOT EXISTS (SELECT 1 FROM ${t})`).join(' AND ')} AS empty`,
    );
    return row?.empty === true;
  };

  const AUDIT_SELECT = `seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
    actor, action, entity, entity_id AS "entityId", before, after`;
  const toEvent = (row: Row): AuditEvent => ({ ...(row as unknown as AuditEvent), seq: Number(row.seq) });

  const repos = Object.fromEntries(ENTITY_NAMES.map((n) => [n, outsideRepo(n)])) as unknown as Repos;

  return {
    ...repos,
    transaction,
    accounts: createSqlAccounts(db, newId),
    audit: {
      async list(query = {}) {
        const where = `WHERE ($1::text IS NULL OR entity = $1::text)
          AND ($2::text IS NULL OR entity_id = $2::text)
          AND ($3::text IS NULL OR at >= $3::text::timestamptz)`;
        const filter = [query.entity ?? null, query.entityId ?? null, query.since ?? null];
        const [count] = await db.query<{ total: string }>(`SELECT count(*)::text AS total FROM audit_events ${where}`, filter);
        const rows = await db.query(
          `SELECT ${AUDIT_SELECT} FROM audit_events ${where} ORDER BY audit_events.seq DESC LIMIT $4::integer OFFSET $5::integer`,
          [...filter, query.limit ?? null, query.offset ?? 0],
        );
        return { events: rows.map(toEvent), total: Number(count?.total ?? 0) };
      },
    },
    isEmpty: () => isEmpty(db),
    exportAll: () =>
      db.transaction(async (sql) => {
        // One snapshot for every table, also while others write.
        await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const records = {} as Record<EntityName, unknown[]>;
        for (const n of ENTITY_NAMES) records[n] = await reader(n, sql).list();
        const audit = await sql.query(`SELECT ${AUDIT_SELECT} FROM audit_events ORDER BY audit_events.seq`);
        return {
          format: 'alliance-roster-dump',
          formatVersion: 1,
          exportedAt: new Date().toISOString(),
          records: records as Dump['records'],
          audit: audit.map(toEvent),
        } satisfies Dump;
      }),
    importAll: (dump) =>
      db.transaction(async (sql) => {
        if (!(await isEmpty(sql))) throw new StoreNotEmptyError();
        for (const n of INSERT_ORDER) {
          const t = TABLES[n];
          const all =
            n === 'bodies'
              ? parentsFirst(dump.records.bodies)
              : n === 'seats'
                ? previousFirst(dump.records.seats)
                : ((dump.records[n] ?? []) as { id: string }[]);
          if (all.length === 0) continue;
          const rows = all.map((r) => {
            const record = r as unknown as Record<string, unknown>;
            const entries: [string, unknown][] = [
              ['id', record.id],
              ['version', record.version],
              ...t.columns.map((col): [string, unknown] => [col.column, record[col.field] ?? null]),
            ];
            return Object.fromEntries(entries);
          });
          const columns = ['id', 'version', ...t.columns.map((col) => col.column)];
          const types = ['id text', 'version integer', ...t.columns.map((col) => `${col.column} ${col.type}`)];
          // In chunks: one JSON parameter of a few MB at a time, also for large backups.
          for (const chunk of chunks(rows)) {
            await sql.query(
              `INSERT INTO ${t.name} (${columns.join(', ')})
               SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::text::jsonb) AS x(${types.join(', ')})`,
              [JSON.stringify(chunk)],
            );
          }
        }
        if (dump.audit.length > 0) {
          const events = dump.audit.map((e) => ({
            seq: e.seq,
            at: e.at,
            actor: e.actor,
            action: e.action,
            entity: e.entity,
            entity_id: e.entityId,
            before: e.before,
            after: e.after,
          }));
          for (const chunk of chunks(events)) {
            await sql.query(
              `INSERT INTO audit_events (seq, at, actor, action, entity, entity_id, before, after) OVERRIDING SYSTEM VALUE
               SELECT seq, at, actor, action, entity, entity_id, before, after
                 FROM jsonb_to_recordset($1::text::jsonb)
                   AS x(seq bigint, at timestamptz, actor text, action text, entity text, entity_id text, before jsonb, after jsonb)`,
              [JSON.stringify(chunk)],
            );
          }
          await sql.query(`SELECT setval(pg_get_serial_sequence('audit_events', 'seq'), (SELECT max(seq) FROM audit_events))`);
        }
      }),
    close: () => db.close(),
  };
}

/** Rows per INSERT of importAll. */
const IMPORT_CHUNK = 5000;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IMPORT_CHUNK) out.push(items.slice(i, i + IMPORT_CHUNK));
  return out;
}

/** Bodies ordered so that each comes after its parent. */
function parentsFirst<T extends { id: string; parentId: string | null }>(bodies: T[]): T[] {
  const placed = new Set<string>();
  const ordered: T[] = [];
  let rest = bodies;
  while (rest.length > 0) {
    const ready = rest.filter((b) => b.parentId === null || placed.has(b.parentId) || !bodies.some((x) => x.id === b.parentId));
    if (ready.length === 0) return [...ordered, ...rest]; // a cycle: let the database refuse it
    for (const b of ready) {
      placed.add(b.id);
      ordered.push(b);
    }
    rest = rest.filter((b) => !placed.has(b.id));
  }
  return ordered;
}

/** Seats ordered so that each comes after the seat it continues. */
function previousFirst<T extends { id: string; previousSeatId?: string | null }>(seats: T[]): T[] {
  const linked = seats.map((s) => ({ ...s, parentId: s.previousSeatId ?? null }));
  return parentsFirst(linked).map(({ parentId: _p, ...s }) => s as unknown as T);
}
