import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BodyInputSchema,
  DanishPhoneSchema,
  MembershipInputSchema,
  OrganizationInputSchema,
  PersonInputSchema,
  SeatInputSchema,
  TermInputSchema,
} from './schemas';

type Input = Record<string, unknown>;

/** The issues of a parse as path, code and message; empty when it succeeds. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
}

/** Parses, failing the test with the issues when the input is refused. */
function parsed(schema: z.ZodType, input: unknown): Input {
  expect(issuesOf(schema, input)).toEqual([]);
  return schema.parse(input) as Input;
}

const without = (input: Input, field: string) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== field));

// The smallest valid input of each schema.
const TERM: Input = { label: '2018-2021', startDate: '2018-01-01', endDate: '2021-12-31' };
const BODY: Input = { name: 'Horsens Alliancen', kind: 'council' };
const ORGANIZATION: Input = { name: 'Horsens Kommune', sector: 'municipality' };
const PERSON: Input = { name: 'Bo Ulsøe' };
const SEAT: Input = { termId: 't1', bodyId: 'b1', label: 'Plads 1' };
const MEMBERSHIP: Input = { seatId: 's1', personId: 'p1', startDate: '2018-01-01' };

describe('the *Input schemas', () => {
  it.each([
    ['TermInputSchema', TermInputSchema, TERM, TERM],
    ['BodyInputSchema', BodyInputSchema, BODY, { ...BODY, parentId: null, purpose: '' }],
    ['OrganizationInputSchema', OrganizationInputSchema, ORGANIZATION, { ...ORGANIZATION, otherNames: [] }],
    ['PersonInputSchema', PersonInputSchema, PERSON, { ...PERSON, email: null, phone: null, notes: '' }],
    ['SeatInputSchema', SeatInputSchema, SEAT, { ...SEAT, nominatingOrganizationId: null, reservedSector: null, previousSeatId: null }],
    [
      'MembershipInputSchema',
      MembershipInputSchema,
      MEMBERSHIP,
      {
        ...MEMBERSHIP,
        organizationId: null,
        role: 'member',
        title: '',
        endDate: null,
        endReason: null,
        decidedOn: null,
        source: null,
        endDecidedOn: null,
        endSource: null,
      },
    ],
  ])('%s fills in the defaults of a minimal input', (_name, schema, input, expected) => {
    expect(parsed(schema, input)).toEqual(expected);
  });

  describe('required fields', () => {
    it.each([
      ['TermInputSchema', 'label', TermInputSchema, TERM],
      ['TermInputSchema', 'startDate', TermInputSchema, TERM],
      ['TermInputSchema', 'endDate', TermInputSchema, TERM],
      ['BodyInputSchema', 'name', BodyInputSchema, BODY],
      ['BodyInputSchema', 'kind', BodyInputSchema, BODY],
      ['OrganizationInputSchema', 'name', OrganizationInputSchema, ORGANIZATION],
      ['OrganizationInputSchema', 'sector', OrganizationInputSchema, ORGANIZATION],
      ['PersonInputSchema', 'name', PersonInputSchema, PERSON],
      ['SeatInputSchema', 'termId', SeatInputSchema, SEAT],
      ['SeatInputSchema', 'bodyId', SeatInputSchema, SEAT],
      ['SeatInputSchema', 'label', SeatInputSchema, SEAT],
      ['MembershipInputSchema', 'seatId', MembershipInputSchema, MEMBERSHIP],
      ['MembershipInputSchema', 'personId', MembershipInputSchema, MEMBERSHIP],
      ['MembershipInputSchema', 'startDate', MembershipInputSchema, MEMBERSHIP],
    ])('%s requires %s', (_name, field, schema, input) => {
      const issues = issuesOf(schema, without(input, field));
      expect(issues.map((i) => i.path)).toEqual([field]);
      // A missing string is invalid_type; a missing enum value is invalid_value.
      expect(['invalid_type', 'invalid_value']).toContain(issues[0]?.code);
    });

    it.each([
      ['TermInputSchema', 'label', TermInputSchema, TERM],
      ['BodyInputSchema', 'name', BodyInputSchema, BODY],
      ['OrganizationInputSchema', 'name', OrganizationInputSchema, ORGANIZATION],
      ['PersonInputSchema', 'name', PersonInputSchema, PERSON],
      ['SeatInputSchema', 'label', SeatInputSchema, SEAT],
      ['SeatInputSchema', 'termId', SeatInputSchema, SEAT],
      ['MembershipInputSchema', 'personId', MembershipInputSchema, MEMBERSHIP],
    ])('%s refuses a blank %s', (_name, field, schema, input) => {
      const blank = field.endsWith('Id') ? '' : '  \t ';
      expect(issuesOf(schema, { ...input, [field]: blank })).toEqual([
        expect.objectContaining({ path: field, code: 'too_small' }),
      ]);
    });

    it('refuses a blank other name of an organisation', () => {
      expect(issuesOf(OrganizationInputSchema, { ...ORGANIZATION, otherNames: ['LO', ' '] })).toEqual([
        expect.objectContaining({ path: 'otherNames.1', code: 'too_small' }),
      ]);
    });
  });

  describe('text fields', () => {
    // Each text field: how to put a value in an input, where it is in the output, and its max length.
    const TEXT_FIELDS: [string, z.ZodType, (v: string) => Input, string, number][] = [
      ['term label', TermInputSchema, (v) => ({ ...TERM, label: v }), 'label', 100],
      ['body name', BodyInputSchema, (v) => ({ ...BODY, name: v }), 'name', 200],
      ['body purpose', BodyInputSchema, (v) => ({ ...BODY, purpose: v }), 'purpose', 4000],
      ['organisation name', OrganizationInputSchema, (v) => ({ ...ORGANIZATION, name: v }), 'name', 200],
      ['other name', OrganizationInputSchema, (v) => ({ ...ORGANIZATION, otherNames: [v] }), 'otherNames.0', 200],
      ['person name', PersonInputSchema, (v) => ({ ...PERSON, name: v }), 'name', 200],
      ['person notes', PersonInputSchema, (v) => ({ ...PERSON, notes: v }), 'notes', 4000],
      ['seat label', SeatInputSchema, (v) => ({ ...SEAT, label: v }), 'label', 200],
      ['membership title', MembershipInputSchema, (v) => ({ ...MEMBERSHIP, title: v }), 'title', 300],
      ['end reason', MembershipInputSchema, (v) => ({ ...MEMBERSHIP, endReason: v }), 'endReason', 500],
    ];
    const at = (output: Input, path: string): unknown =>
      path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], output);

    it.each(TEXT_FIELDS)('trims the %s', (_name, schema, build, path) => {
      expect(at(parsed(schema, build('  \n Konst. direktør, Teknik og Miljø \t ')), path)).toBe(
        'Konst. direktør, Teknik og Miljø',
      );
    });

    it.each(TEXT_FIELDS)('accepts the %s at exactly its maximum length', (_name, schema, build, path, max) => {
      const value = 'ø'.repeat(max);
      expect(at(parsed(schema, build(value)), path)).toBe(value);
    });

    it.each(TEXT_FIELDS)('measures the %s after trimming', (_name, schema, build, path, max) => {
      expect(at(parsed(schema, build(`   ${'x'.repeat(max)}   `)), path)).toBe('x'.repeat(max));
    });

    it.each(TEXT_FIELDS)('refuses the %s over its maximum length', (_name, schema, build, path, max) => {
      expect(issuesOf(schema, build('x'.repeat(max + 1)))).toEqual([
        expect.objectContaining({ path, code: 'too_big' }),
      ]);
    });

    it.each(TEXT_FIELDS)('keeps Danish letters and emoji exactly in the %s', (_name, schema, build, path) => {
      for (const value of ['Søren Ærø Ålborg 🎉', 'ÆØÅ æøå', 'Zoë 👩🏽‍💼 Müller', 'A\u030Alborg']) {
        expect(at(parsed(schema, build(value)), path)).toBe(value);
      }
    });

    it.each(TEXT_FIELDS)('refuses control characters in the %s', (_name, schema, build, path) => {
      for (const control of ['\u0000', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F']) {
        expect(issuesOf(schema, build(`Bo${control}Ulsøe`))).toEqual([
          expect.objectContaining({ path, message: 'control_characters' }),
        ]);
      }
    });

    it('allows tabs and line breaks inside notes', () => {
      const notes = 'Første linje\r\nAnden linje\n\tindrykket';
      expect(parsed(PersonInputSchema, { ...PERSON, notes }).notes).toBe(notes);
    });

    it('turns an empty or blank end reason into null', () => {
      expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, endReason: '' }).endReason).toBeNull();
      expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, endReason: '   ' }).endReason).toBeNull();
      expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, endReason: null }).endReason).toBeNull();
    });

    it('allows at most 20 other names', () => {
      const names = (n: number) => Array.from({ length: n }, (_, i) => `Navn ${i + 1}`);
      expect(parsed(OrganizationInputSchema, { ...ORGANIZATION, otherNames: names(20) }).otherNames).toHaveLength(20);
      expect(issuesOf(OrganizationInputSchema, { ...ORGANIZATION, otherNames: names(21) })).toEqual([
        expect.objectContaining({ path: 'otherNames', code: 'too_big' }),
      ]);
    });
  });

  describe('date ranges', () => {
    const endBeforeStart = [{ path: 'endDate', code: 'custom', message: 'end_before_start' }];

    it.each([
      ['TermInputSchema', TermInputSchema, TERM],
      ['MembershipInputSchema', MembershipInputSchema, MEMBERSHIP],
    ])('%s refuses an end before the start, on endDate', (_name, schema, input) => {
      expect(issuesOf(schema, { ...input, startDate: '2019-06-01', endDate: '2019-05-31' })).toEqual(endBeforeStart);
      expect(issuesOf(schema, { ...input, startDate: '2020-02-29', endDate: '2020-02-28' })).toEqual(endBeforeStart);
      expect(issuesOf(schema, { ...input, startDate: '2022-01-01', endDate: '2021-12-31' })).toEqual(endBeforeStart);
    });

    it.each([
      ['TermInputSchema', TermInputSchema, TERM],
      ['MembershipInputSchema', MembershipInputSchema, MEMBERSHIP],
    ])('%s accepts a one-day range and a range ending on a leap day', (_name, schema, input) => {
      expect(issuesOf(schema, { ...input, startDate: '2019-06-01', endDate: '2019-06-01' })).toEqual([]);
      expect(issuesOf(schema, { ...input, startDate: '2020-01-01', endDate: '2020-02-29' })).toEqual([]);
    });

    it('lets a membership be open-ended', () => {
      expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, endDate: null }).endDate).toBeNull();
    });

    it.each([
      ['startDate', '2019-02-29'],
      ['endDate', '2019-6-1'],
      ['decidedOn', '31-05-2019'],
    ])('refuses an invalid %s %j in a membership', (field, value) => {
      expect(issuesOf(MembershipInputSchema, { ...MEMBERSHIP, [field]: value })).toEqual([
        expect.objectContaining({ path: field, code: 'invalid_format' }),
      ]);
    });

    it('refuses a term without an end', () => {
      expect(issuesOf(TermInputSchema, { ...TERM, endDate: null })).toEqual([
        expect.objectContaining({ path: 'endDate', code: 'invalid_type' }),
      ]);
    });
  });

  describe('enums and ids', () => {
    it.each([
      ['BodyInputSchema', 'kind', 'committee', BodyInputSchema, BODY],
      ['OrganizationInputSchema', 'sector', 'church', OrganizationInputSchema, ORGANIZATION],
      ['SeatInputSchema', 'reservedSector', 'Municipality', SeatInputSchema, SEAT],
      ['MembershipInputSchema', 'role', 'president', MembershipInputSchema, MEMBERSHIP],
      ['SeatInputSchema', 'bodyId', 'b'.repeat(65), SeatInputSchema, SEAT],
      ['MembershipInputSchema', 'organizationId', '', MembershipInputSchema, MEMBERSHIP],
    ])('%s refuses the %s %j', (_name, field, value, schema, base) => {
      const input = { ...base, [field]: value };
      expect(issuesOf(schema, input)).toEqual([expect.objectContaining({ path: field })]);
    });

    it.each(['chair', 'vice-chair', 'member'])('accepts the role %s', (role) => {
      expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, role }).role).toBe(role);
    });
  });
});

describe('PersonInputSchema contact fields', () => {
  const personWith = (over: Input) => ({ ...PERSON, ...over });

  it.each([
    ['12345678', '12345678'],
    ['+45 12 34 56 78', '+45 12 34 56 78'],
    ['0045 12345678', '0045 12345678'],
    ['12-34-56-78', '12-34-56-78'],
    ['+4512345678', '+4512345678'],
    ['12 34 56 78', '12 34 56 78'],
    ['  12345678 ', '12345678'],
  ])('accepts the Danish phone number %j', (phone, expected) => {
    expect(parsed(PersonInputSchema, personWith({ phone })).phone).toBe(expected);
  });

  it.each([
    ['1234567', 'seven digits'],
    ['123456789', 'nine digits'],
    ['+46 12345678', 'a Swedish prefix'],
    ['0046 12345678', 'a Swedish prefix with 00'],
    ['+45 1234567', 'a Danish prefix with seven digits'],
    ['abc', 'letters'],
    ['1234 567a', 'a letter among digits'],
    ['12--34-56-78', 'two separators in a row'],
    ['12.34.56.78', 'dots'],
  ])('refuses the phone number %j (%s)', (phone) => {
    expect(issuesOf(PersonInputSchema, personWith({ phone }))).toEqual([
      expect.objectContaining({ path: 'phone', message: 'phone_format' }),
    ]);
    expect(DanishPhoneSchema.safeParse(phone).success).toBe(false);
  });

  it.each(['bo@horsens.dk', 'lotte.thogersen@example.com', 'j.a.saugbjerg+alliancen@sub.horsens.dk'])(
    'accepts the email %j',
    (email) => {
      expect(parsed(PersonInputSchema, personWith({ email })).email).toBe(email);
    },
  );

  it.each(['bo', 'bo@', '@horsens.dk', 'bo@horsens', 'bo ulsøe@horsens.dk', 'bo@@horsens.dk'])(
    'refuses the email %j',
    (email) => {
      expect(issuesOf(PersonInputSchema, personWith({ email }))).toEqual([
        expect.objectContaining({ path: 'email', message: 'email_format' }),
      ]);
    },
  );

  it('refuses an email over 254 characters', () => {
    const email = `${'a'.repeat(100)}@${'b'.repeat(100)}.${'c'.repeat(60)}.dk`;
    expect(email.length).toBeGreaterThan(254);
    expect(issuesOf(PersonInputSchema, personWith({ email }))).toEqual([
      expect.objectContaining({ path: 'email', code: 'too_big' }),
    ]);
  });

  it.each(['email', 'phone'])('turns an empty, null or missing %s into null', (field) => {
    expect(parsed(PersonInputSchema, personWith({ [field]: '' }))[field]).toBeNull();
    expect(parsed(PersonInputSchema, personWith({ [field]: null }))[field]).toBeNull();
    expect(parsed(PersonInputSchema, PERSON)[field]).toBeNull();
  });
});

describe('MembershipInputSchema source', () => {
  it.each(['https://horsens.dk/politik/referat-2019-06-01', 'http://example.com/beslutning?id=7'])(
    'accepts the web link %j',
    (source) => {
      expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, source }).source).toBe(source);
    },
  );

  it.each(['javascript:alert(1)', 'ftp://horsens.dk/referat.pdf', 'referat 2019'])('refuses %j', (source) => {
    expect(issuesOf(MembershipInputSchema, { ...MEMBERSHIP, source })).toEqual([
      expect.objectContaining({ path: 'source', message: 'url_format' }),
    ]);
  });

  it('turns an empty source into null', () => {
    expect(parsed(MembershipInputSchema, { ...MEMBERSHIP, source: '' }).source).toBeNull();
  });
});
