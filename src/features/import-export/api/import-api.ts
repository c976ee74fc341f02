/** The import endpoints (POST /api/import/preview and /commit) and the export download addresses. */
import {
  ImportCommitResultSchema,
  ImportPreviewSchema,
  type ImportCommitRequest,
  type ImportPreviewRequest,
} from '../../../domain/import';
import { apiFetch, withQuery } from '../../../lib/api-client';

export function previewImport(request: ImportPreviewRequest) {
  return apiFetch(ImportPreviewSchema, '/api/import/preview', { method: 'POST', body: JSON.stringify(request) });
}

export function commitImport(request: ImportCommitRequest) {
  return apiFetch(ImportCommitResultSchema, '/api/import/commit', { method: 'POST', body: JSON.stringify(request) });
}

export const exportUrls = {
  rosterCsv: (bodyId: string, asOf: string) => withQuery('/api/export/roster.csv', { bodyId, asOf }),
  termCsv: (termId: string) => withQuery('/api/export/roster.csv', { termId }),
  popolo: (termId: string) => withQuery('/api/export/popolo', { termId }),
};
