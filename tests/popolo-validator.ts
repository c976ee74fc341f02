/**
 * Validates documents against the official Popolo JSON Schemas, copied byte for byte into
 * tests/fixtures/popolo/schemas/ (CC BY 4.0, Popolo Project, see README.txt there). They are
 * draft-03, which Ajv does not speak, so they are converted in memory as README.txt describes:
 * every property-level `"required": true` becomes an entry of the parent's `required` array,
 * and `$schema` becomes draft-04, validated with ajv-draft-04 (+ ajv-formats). All 16 schemas
 * are registered before any is compiled, because they refer to each other in cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA_DIR = join(import.meta.dirname, 'fixtures', 'popolo', 'schemas');
const BASE = 'http://www.popoloproject.com/schemas/';

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Draft-03 to draft-04 in place: boolean `required` on properties moves up to the parent. */
export function toDraft04(schema: Schema): Schema {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    if (isObject(node.properties)) {
      const required: string[] = [];
      for (const [name, sub] of Object.entries(node.properties)) {
        if (isObject(sub) && typeof sub.required === 'boolean') {
          if (sub.required) required.push(name);
          delete sub.required;
        }
        visit(sub);
      }
      if (required.length) node.required = required;
    }
    for (const key of ['items', 'additionalProperties', 'extends', 'anyOf', 'oneOf', 'allOf', 'not']) visit(node[key]);
  };
  visit(schema);
  schema.$schema = 'http://json-schema.org/draft-04/schema#';
  return schema;
}

export function loadPopoloSchemas(): Schema[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => toDraft04(JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as Schema));
}

export function popoloValidator() {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const schema of loadPopoloSchemas()) ajv.addSchema(schema);
  const validatorOf = (name: string) => {
    const validate = ajv.getSchema(`${BASE}${name}.json`);
    if (!validate) throw new Error(`No Popolo schema ${name}`);
    return validate;
  };
  const kinds = { persons: 'person', organizations: 'organization', posts: 'post', memberships: 'membership' } as const;

  /** Every error of every item of the document's four lists, as "memberships/3/start_date: must match pattern". */
  return (doc: Record<string, unknown>): string[] => {
    const errors: string[] = [];
    for (const [list, kind] of Object.entries(kinds)) {
      const items = doc[list];
      if (!Array.isArray(items)) {
        errors.push(`${list}: missing`);
        continue;
      }
      const validate = validatorOf(kind);
      items.forEach((item, i) => {
        if (!validate(item)) {
          for (const e of validate.errors ?? []) errors.push(`${list}/${i}${e.instancePath}: ${e.message ?? e.keyword}`);
        }
      });
    }
    return errors;
  };
}
