/**
 * Reads a Popolo document of the shape GET /api/export/popolo writes: the memberships of one
 * body (the organisation whose name is the target body's, else the only one with posts) become
 * rows: person name, title (membership label), organisation (on_behalf_of, with its sector as
 * classification and its other names), role, seat (post label) and dates. A post without
 * memberships becomes a vacant-seat row. A row's `line` is its position among the rows.
 * Pure: no I/O.
 */
import type { z } from 'zod';
import {
  PopoloDocumentSchema,
  type ImportIssue,
  type PopoloMembership,
  type PopoloOrganization,
  type PopoloPost,
} from '../../src/domain/import';
import { emptyParsed, issue, type ParseResult, type SourceRow } from './source-row';
import { fold } from './vocabulary';

function documentError(field: string, code: string, message: string): ParseResult {
  return { rows: [], skipped: [], errors: [issue(null, field, code, message)], csv: null };
}

/** The line of a JSON.parse error, when the engine names a position (never the message: it may quote the data). */
function jsonErrorLine(content: string, error: unknown): number | null {
  const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
  if (position === undefined) return null;
  return content.slice(0, Number(position)).split('\n').length;
}

function zodIssues(error: z.ZodError): ImportIssue[] {
  return error.issues.slice(0, 50).map((i) => issue(null, i.path.join('.') || 'content', 'invalid_popolo', i.message));
}

export function parsePopolo(content: string, targetBodyName: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      rows: [],
      skipped: [],
      errors: [issue(jsonErrorLine(content, error), 'content', 'malformed_json', 'The Popolo document is not valid JSON.')],
      csv: null,
    };
  }
  const result = PopoloDocumentSchema.safeParse(json);
  if (!result.success) return { rows: [], skipped: [], errors: zodIssues(result.error), csv: null };
  const doc = result.data;

  const orgById = new Map(doc.organizations.map((o) => [o.id, o]));
  const personById = new Map(doc.persons.map((p) => [p.id, p]));
  const bodyIds = [...new Set(doc.posts.map((p) => p.organization_id).filter((id): id is string => !!id))];
  const named = bodyIds.filter((id) => fold(orgById.get(id)?.name ?? '') === fold(targetBodyName));
  const bodyId = named[0] ?? (bodyIds.length === 1 ? bodyIds[0] : undefined);
  if (bodyId === undefined) {
    return bodyIds.length === 0
      ? documentError('posts', 'no_rows', 'The Popolo document has no posts.')
      : documentError('organizations', 'body_not_found', 'No organisation with posts in the document has the name of the body imported into.');
  }

  const posts = doc.posts.filter((p) => p.organization_id === bodyId);
  const postById = new Map(posts.map((p) => [p.id, p]));
  const memberships = doc.memberships.filter(
    (m) => (m.post_id && postById.has(m.post_id)) || (!m.post_id && m.organization_id === bodyId),
  );
  const held = new Set(memberships.map((m) => m.post_id));

  const rows: SourceRow[] = [];
  const add = (raw: unknown, post: PopoloPost | undefined, m: PopoloMembership | undefined) => {
    const line = rows.length + 1;
    const parsed = emptyParsed();
    const errors: ImportIssue[] = [];
    const org: PopoloOrganization | undefined = m?.on_behalf_of_id ? orgById.get(m.on_behalf_of_id) : undefined;
    if (m?.on_behalf_of_id && !org) errors.push(issue(line, 'organization', 'unknown_reference', 'on_behalf_of_id names no organisation in the document.'));
    if (m) {
      const person = m.person_id ? personById.get(m.person_id) : undefined;
      if (!person) errors.push(issue(line, 'name', 'unknown_reference', 'person_id names no person in the document.'));
      parsed.name = person?.name.trim() || null;
      parsed.title = m.label?.trim() ?? '';
      parsed.role = m.role?.trim() || null;
      parsed.startDate = m.start_date ?? null;
      parsed.endDate = m.end_date ?? null;
      parsed.source = m.sources?.[0]?.url.trim() || null;
    }
    parsed.organization = org?.name.trim() || null;
    parsed.sector = org?.classification?.trim() || null;
    parsed.seat = post?.label?.trim() || null;
    if (parsed.organization === null && parsed.seat === null) {
      errors.push(issue(line, 'organization', 'missing_organization', 'The membership has neither an organisation nor a post label.'));
    }
    rows.push({
      line,
      raw: JSON.stringify(raw),
      parsed,
      body: null,
      personKey: m?.person_id ? `popolo:${m.person_id}` : undefined,
      organizationOtherNames: (org?.other_names ?? []).map((n) => n.name.trim()).filter((n) => n !== ''),
      errors,
    });
  };
  for (const m of memberships) add(m, m.post_id ? postById.get(m.post_id) : undefined, m);
  for (const post of posts) if (!held.has(post.id)) add(post, post, undefined);

  return { rows, skipped: [], errors: rows.length ? [] : [issue(null, 'memberships', 'no_rows', 'The body has no posts or memberships in the document.')], csv: null };
}
