/**
 * Persistence behind the API. The HTTP layer (server/app.ts) owns every rule and status code;
 * a Store only keeps records. Implementations: memory (mocks, fast tests), PostgreSQL later.
 */
import type { IsoDate } from '../../src/domain/dates';
import type { Body, Membership, Organization, Person, Seat, Term } from '../../src/domain/schemas';

export interface EntityMap {
  terms: Term;
  bodies: Body;
  organizations: Organization;
  people: Person;
  seats: Seat;
  memberships: Membership;
}
export type EntityName = keyof EntityMap;
export const ENTITY_NAMES = ['terms', 'bodies', 'organizations', 'people', 'seats', 'memberships'] as const;

export interface FilterMap {
  terms: Record<string, never>;
  bodies: { parentId?: string };
  organizations: Record<string, never>;
  people: Record<string, never>;
  seats: { termId?: string; bodyId?: string; nominatingOrganizationId?: string };
  memberships: { seatId?: string; personId?: string; bodyId?: string; organizationId?: string; asOf?: IsoDate };
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

export interface Store extends Repos {
  /** Runs fn with all-or-nothing semantics, serialised against other transactions. */
  transaction<R>(fn: (tx: Repos) => Promise<R>, options?: TransactionOptions): Promise<R>;
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
    readonly current: { id: string; version: number },
  ) {
    super(`${entity}/${current.id} has version ${current.version}`);
    this.name = 'StaleVersionError';
  }
}
