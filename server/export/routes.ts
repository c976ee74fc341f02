/**
 * The export API (issue #7):
 *
 *   GET /api/export/roster.csv?bodyId=&asOf=   a body's roster on a date (defaults: the
 *                                               council, today), one row per seat
 *   GET /api/export/roster.csv?termId=[&bodyId=]  every segment of every seat of the term
 *   GET /api/export/popolo?termId=             the term as a Popolo document
 *
 * Both are downloads (Content-Disposition: attachment) with a Danish file name; an unknown
 * term or body is a 404 problem, asOf together with termId a 400.
 */
import { Hono } from 'hono';
import type { IsoDate } from '../../src/domain/dates';
import { PopoloQuerySchema, RosterCsvQuerySchema } from '../../src/domain/import';
import { parseWith } from '../http/crud';
import { notFoundProblem, validationProblem } from '../http/problem';
import { buildRoster } from '../roster';
import type { Store } from '../store/store';
import { fold } from '../import/vocabulary';
import { buildPopolo } from './popolo';
import { rosterRows, termRows, toCsv } from './roster-csv';

/** A file name part: the folded text with dashes (ASCII), and the text as written for filename*. */
function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/** attachment; filename="ascii"; filename*=UTF-8''as-written (RFC 6266 / RFC 8187). */
export function attachment(parts: string[], extension: string): string {
  const ascii = `${parts.map(slug).join('-')}.${extension}`;
  const utf8 = `${parts.map((p) => p.trim().replace(/[\s/\\"]+/g, '-')).join('-')}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;
}

export function exportRoutes(store: Store, today: () => IsoDate) {
  const app = new Hono();

  app.get('/roster.csv', async (c) => {
    const query = parseWith(RosterCsvQuerySchema, c.req.query());
    if (query.termId && query.asOf) {
      throw validationProblem([{ field: 'asOf', code: 'exclusive', message: 'Give asOf (a roster on a date) or termId (a whole term), not both.' }]);
    }
    let csv: string;
    let disposition: string;
    if (query.termId) {
      const term = await store.terms.get(query.termId);
      if (!term) throw notFoundProblem('term', query.termId);
      const body = query.bodyId ? await store.bodies.get(query.bodyId) : undefined;
      if (query.bodyId && !body) throw notFoundProblem('body', query.bodyId);
      csv = toCsv(await termRows(store, term.id, body));
      disposition = attachment(['medlemsliste', ...(body ? [body.name] : []), 'periode', term.label], 'csv');
    } else {
      const roster = await buildRoster(store, { bodyId: query.bodyId, asOf: query.asOf }, today);
      csv = toCsv(rosterRows(roster));
      disposition = attachment(['medlemsliste', roster.body.name, roster.asOf], 'csv');
    }
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition });
  });

  app.get('/popolo', async (c) => {
    const { termId } = parseWith(PopoloQuerySchema, c.req.query());
    const term = await store.terms.get(termId);
    if (!term) throw notFoundProblem('term', termId);
    c.header('Content-Disposition', attachment(['popolo', 'periode', term.label], 'json'));
    return c.json(await buildPopolo(store, term));
  });

  return app;
}
