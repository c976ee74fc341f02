/**
 * A person's rights under the GDPR (issue #6, docs/decisions/016-personal-data.md), added to
 * the path contract:
 *
 *   GET  /api/people/:id/export     everything held about the person, as JSON (access, art. 15)
 *   POST /api/people/:id/erase      anonymise the person (erasure, art. 17), If-Match required
 *   GET  /api/people/retention      people with no membership in the last N years, for review
 *
 * Erasure keeps the person record (so seats and dates keep their shape in historical
 * rosters) but replaces the name with "Anonymiseret person N" and removes the contact data and
 * notes, also from every audit event of the person, in one transaction.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { addDays, type IsoDate } from '../../src/domain/dates';
import { effectiveSpan } from '../../src/domain/rules';
import type { Person } from '../../src/domain/schemas';
import { compareDanish } from '../../src/domain/text';
import { actorOf } from '../http/actor';
import { parseWith } from '../http/crud';
import { etag, requireIfMatch, staleProblem } from '../http/preconditions';
import { notFoundProblem } from '../http/problem';
import type { AuditEvent, EntityName, Repos, Store } from '../store/store';

export const ANONYMISED_PREFIX = 'Anonymiseret person ';
export const isAnonymised = (p: Pick<Person, 'name'>) => p.name.startsWith(ANONYMISED_PREFIX);

const RetentionQuerySchema = z.object({ years: z.coerce.number().int().min(1).max(100).optional() }).strict();

/**
 * The last day each person sat anywhere (an open end lasts until its term ends); people who
 * never sat are absent. Three reads in all, whatever the number of people.
 */
async function lastDays(tx: Repos): Promise<Map<string, IsoDate>> {
  const [memberships, seats, terms] = await Promise.all([tx.memberships.list(), tx.seats.list(), tx.terms.list()]);
  const termEnd = new Map(terms.map((t) => [t.id, t.endDate]));
  const seatTermEnd = new Map(seats.map((s) => [s.id, termEnd.get(s.termId)]));
  const last = new Map<string, IsoDate>();
  for (const m of memberships) {
    const end = effectiveSpan(m, seatTermEnd.get(m.seatId)).endDate ?? '9999-12-31';
    const before = last.get(m.personId);
    if (before === undefined || end > before) last.set(m.personId, end);
  }
  return last;
}

export function privacyRoutes(store: Store, today: () => IsoDate, retentionYears: number) {
  const app = new Hono();

  app.get('/retention', async (c) => {
    const { years = retentionYears } = parseWith(RetentionQuerySchema, c.req.query());
    const now = today();
    const cutoff = `${String(Number(now.slice(0, 4)) - years).padStart(4, '0')}${now.slice(4)}`;
    const nominated = new Set((await store.nominations.list()).flatMap((n) => (n.personId ? [n.personId] : [])));
    const [everyone, last] = await Promise.all([store.people.list(), lastDays(store)]);
    const people = [];
    for (const person of everyone) {
      if (isAnonymised(person) || nominated.has(person.id)) continue;
      const lastDay = last.get(person.id) ?? null;
      if (lastDay === null || lastDay < addDays(cutoff, 0)) people.push({ person, lastDay });
    }
    people.sort((a, b) => (a.lastDay ?? '').localeCompare(b.lastDay ?? '') || compareDanish(a.person.name, b.person.name));
    return c.json({ years, cutoff, people });
  });

  app.get('/:id/export', async (c) => {
    const id = c.req.param('id');
    const result = await store.transaction(async (tx) => {
      const person = await tx.people.get(id);
      if (!person) throw notFoundProblem('person', id);
      const memberships = [];
      for (const m of await tx.memberships.list({ personId: id })) {
        const seat = await tx.seats.get(m.seatId);
        const [body, term, organization] = await Promise.all([
          seat ? tx.bodies.get(seat.bodyId) : undefined,
          seat ? tx.terms.get(seat.termId) : undefined,
          m.organizationId ? tx.organizations.get(m.organizationId) : undefined,
        ]);
        memberships.push({
          membership: m,
          seat: seat ? { id: seat.id, label: seat.label } : null,
          body: body ? { id: body.id, name: body.name } : null,
          term: term ? { id: term.id, label: term.label } : null,
          organization: organization ? { id: organization.id, name: organization.name } : null,
        });
      }
      const nominations = await tx.nominations.list({ personId: id });
      return { person, memberships, nominations };
    });
    // The audit trail is read outside the transaction (it has its own connection use).
    const audit: AuditEvent[] = [];
    const concerning: { entity: EntityName; entityId: string }[] = [
      { entity: 'people', entityId: id },
      ...result.memberships.map((m) => ({ entity: 'memberships' as const, entityId: m.membership.id })),
      ...result.nominations.map((n) => ({ entity: 'nominations' as const, entityId: n.id })),
    ];
    for (const query of concerning) audit.push(...(await store.audit.list(query)).events);
    audit.sort((a, b) => a.seq - b.seq);
    return c.json(
      { format: 'alliance-roster-person-export', exportedAt: new Date().toISOString(), ...result, audit },
      200,
      { 'Content-Disposition': `attachment; filename="persondata-${id}.json"` },
    );
  });

  app.post('/:id/erase', async (c) => {
    const id = c.req.param('id');
    const expected = requireIfMatch(c, 'person');
    const result = await store.transaction(async (tx) => {
      const person = await tx.people.get(id);
      if (!person) throw notFoundProblem('person', id);
      if (person.version !== expected) throw staleProblem('person', person);
      const others = (await tx.people.list()).filter((p) => p.id !== id && isAnonymised(p)).length;
      const replacement = {
        name: isAnonymised(person) ? person.name : `${ANONYMISED_PREFIX}${others + 1}`,
        email: null,
        phone: null,
        notes: '',
      };
      const { id: _id, version: _v, ...data } = person;
      const erased = await tx.people.update(id, { ...data, ...replacement }, person.version);
      // Last, so the erasure's own event (whose "before" names the person) is scrubbed too.
      const scrubbed = await tx.scrubAudit('people', id, replacement);
      return { person: erased, scrubbedAuditEvents: scrubbed };
    }, { actor: actorOf(c) });
    c.header('ETag', etag(result.person));
    return c.json(result);
  });

  return app;
}
