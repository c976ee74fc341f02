/**
 * The import API (issue #7):
 *
 *   POST /api/import/preview  { format, content, termId, bodyId, columns? }  -> 200 ImportPreview
 *        reads only; problems of the content are in the answer (per row, with line numbers),
 *        problems of the request (unknown term or body, bad fields) are a 400 problem.
 *   POST /api/import/commit   { termId, bodyId, startDate?, rows }           -> 201 ImportCommitResult
 *        one transaction: 400 with rows.N.field errors, 409 when a row breaks a roster rule.
 */
import { Hono } from 'hono';
import { ImportCommitRequestSchema, ImportPreviewRequestSchema } from '../../src/domain/import';
import type { FieldError } from '../../src/domain/schemas';
import { actorOf } from '../http/actor';
import { parseWith, readJson } from '../http/crud';
import { unknownReference, validationProblem } from '../http/problem';
import type { Store } from '../store/store';
import { commitImport } from './commit';
import { buildPreview } from './preview';

export function importRoutes(store: Store) {
  const app = new Hono();

  app.post('/preview', async (c) => {
    const request = parseWith(ImportPreviewRequestSchema, await readJson(c));
    if (request.columns && request.format !== 'csv') {
      throw validationProblem([{ field: 'columns', code: 'csv_only', message: 'A column mapping applies to CSV only.' }]);
    }
    const [term, body] = await Promise.all([store.terms.get(request.termId), store.bodies.get(request.bodyId)]);
    const errors: FieldError[] = [];
    if (!term) errors.push(unknownReference('termId'));
    if (!body) errors.push(unknownReference('bodyId'));
    if (!term || !body) throw validationProblem(errors, 'The request refers to records that do not exist.');
    return c.json(await buildPreview(store, request, { term, body }));
  });

  app.post('/commit', async (c) => {
    const request = parseWith(ImportCommitRequestSchema, await readJson(c));
    const result = await store.transaction((tx) => commitImport(tx, request), { actor: actorOf(c) });
    return c.json(result, 201);
  });

  return app;
}
