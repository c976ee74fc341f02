/**
 * Persistence behind the API. The HTTP layer (server/app.ts) owns every rule and status code;
 * a Store only keeps records, writes an audit event for every change in the same transaction,
 * and (SQL stores) backs the domain rules with database constraints. Implementations: memory
 * (mocks, fast tests) and SQL (sql-store.ts: PGlite embedded, or a PostgreSQL server).
 */
import type { IsoDate } from '../../src/domain/dates';
import type { Nomination, Renewal } from '../../src/domain/renewal';
import type { Accounts } from '../auth/accounts';
import type { Body, Membership, Organization, Person, Seat, Term } from '../../src/domain/schemas';

export interface EntityMap {
  terms: Term;
  bodies: Body;
  organizations: Organization;
  people: Person;
  seats: Seat;
  memberships: Membership;
  renewals: Renewal;
  nominations: Nomination;
}
export type EntityName = keyof EntityMap;
export const ENTITY_NAMES = [
  'terms',
  'bodies',
  'organizations',
  'people',
  'seats',
  'memberships',
  'renewals',
  'nominations',
] as const;

export interface FilterMap {
  terms: Record<string, never>;
  bodies: { parentId?: string };
  /**
   * ids: only these records (a page that shows a few of many). personId: the organisations a
   * person's memberships name (on behalf of whom they held a seat).
   */
  organizations: { ids?: readonly string[]; personId?: string };
  /**
   * search: people whose name has every word of this text, folded like foldForSearch (what
   * the API's `q` finds; on SQL stores a trigram index on the folded name answers it).
   */
  people: { ids?: readonly string[]; search?: string };
  /** personId: the seats a person has held (a membership of theirs on it, in any term). */
  seats: {
    ids?: readonly string[];
    termId?: string;
    bodyId?: string;
    nominatingOrganizationId?: string;
    previousSeatId?: string;
    personId?: string;
  };
  memberships: { seatId?: string; personId?: string; bodyId?: string; organizationId?: string; asOf?: IsoDate };
  renewals: { fromTermId?: string; toTermId?: string };
  nominations: { seatId?: string; termId?: string; personId?: string; organizationId?: string };
}

/** The data of a record without the fields the store owns. */
export type Data<T> = Omit<T, 'id' | 'version'>;

export interface Repo<T extends { id: string; version: number }, F> {
  list(filter?: F): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  insert(data: Data<T>): Promise<T>;
  /** Replaces the data; throws StaleVersionError when expectedVersion is given and differs. */
  update(id: string, data: Data<T>, expectedVersion?: number): Promise<T>;
  remove(id: string, expectedVersion?: number): Promise<void>;
}

export type Repos = { [K in EntityName]: Repo<EntityMap[K], FilterMap[K]> };

/** Who makes the changes of a transaction: recorded with each change in the audit trail. */
export interface TransactionOptions {
  /** A user id or e-mail once sign-in exists; 'anonymous' for the API without it, 'system' for seed and tools. */
  actor?: string;
}

/** The actor of writes made outside a transaction, and of transactions that name none. */
export const SYSTEM_ACTOR = 'system';

// Audit trail ------------------------------------------------------------------------------

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One change, recorded in the transaction that made it. Append-only: never updated or deleted. */
export interface AuditEvent {
  /** Position in the trail: increases with every event. */
  seq: number;
  /** When it was recorded (the transaction's time), ISO 8601 in UTC with milliseconds. */
  at: string;
  actor: string;
  action: AuditAction;
  entity: EntityName;
  entityId: string;
  /** The record before the change (null for create) and after it (null for delete). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditQuery {
  entity?: EntityName;
  entityId?: string;
  /** Only events at or after this instant (ISO 8601). */
  since?: string;
  limit?: number;
  offset?: number;
}

export interface AuditLog {
  /** Matching events, newest first, and how many match before paging. */
  list(query?: AuditQuery): Promise<{ events: AuditEvent[]; total: number }>;
}

// Backup ---------------------------------------------------------------------------------

/** Everything a store holds: what db:export writes and db:import reads. */
export interface Dump {
  format: 'alliance-roster-dump';
  formatVersion: 1;
  exportedAt: string;
  records: { [K in EntityName]: EntityMap[K][] };
  /** Oldest first. */
  audit: AuditEvent[];
}

/** What a transaction can do beyond the records' repos. */
export interface TransactionExtras {
  /**
   * GDPR erasure, and nothing else: overwrites these fields in the before and after of every
   * audit event of one record (the only change the append-only trail allows; its times,
   * actors and actions stay). Returns how many events it changed.
   */
  scrubAudit: (entity: EntityName, entityId: string, replacement: Record<string, unknown>) => Promise<number>;
}

export interface Store extends Repos {
  /**
   * Runs fn with all-or-nothing semantics, serialised against other transactions where the
   * store needs it. Every insert, update and remove inside writes an audit event with the
   * actor (default 'system'); a write outside any transaction is its own transaction.
   */
  transaction<R>(fn: (tx: Repos & TransactionExtras) => Promise<R>, options?: TransactionOptions): Promise<R>;
  audit: AuditLog;
  /** Users and sessions (sign-in): outside the records, the audit trail and dumps. */
  accounts: Accounts;
  /** True when the store holds no record and no audit event. */
  isEmpty(): Promise<boolean>;
  /** The whole store (records and audit trail), consistent as of one moment. */
  exportAll(): Promise<Dump>;
  /**
   * Loads a dump into an empty store, keeping ids, versions and the audit trail as they are
   * (and writing no new audit event). Throws StoreNotEmptyError on a store with data.
   */
  importAll(dump: Dump): Promise<void>;
  close(): Promise<void>;
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: EntityName,
    readonly id: string,
  ) {
    super(`${entity}/${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class StaleVersionError extends Error {
  constructor(
    readonly entity: EntityName,
    /** The record as it is now (the whole record, which the 409 answer carries). */
    readonly current: { id: string; version: number },
  ) {
    super(`${entity}/${current.id} has version ${current.version}`);
    this.name = 'StaleVersionError';
  }
}

export class StoreNotEmptyError extends Error {
  constructor() {
    super('The store already holds data; import needs an empty database.');
    this.name = 'StoreNotEmptyError';
  }
}

/** Rules the database enforces by constraint, named as the API names them in conflicts. */
export type ConstraintRule =
  | 'seat-holder'
  | 'body-chair'
  | 'person-body'
  | 'within-term'
  | 'term-overlap'
  | 'date-order'
  | 'missing-reference'
  | 'in-use'
  | 'invalid-value'
  | 'duplicate';

/**
 * A write broke a database constraint (a race the application's checks could not see, or a
 * write that skipped them). The transaction has been rolled back; `conflict` names the record
 * it collided with when the store could find it afterwards.
 */
export class ConstraintViolationError extends Error {
  conflict: { entity: EntityName; id: string } | undefined;
  constructor(
    readonly rule: ConstraintRule,
    /** The database constraint's name, e.g. memberships_one_holder_per_seat. */
    readonly constraint: string,
    /** The entity whose write was refused. */
    readonly entity: EntityName,
    /** The API field the rule is about, when there is one. */
    readonly field?: string,
  ) {
    super(`${entity}: constraint ${constraint} (${rule})`);
    this.name = 'ConstraintViolationError';
  }
}
