import { describe, expect, it } from 'vitest';
import type { Person } from '../src/domain/schemas';
import { describeCrudContract, expectDeleteBlocked, expectSortedBy, fakePerson } from './test-helpers';

describe('/api/people', () => {
  const ctx = describeCrudContract({
    name: 'people',
    singular: 'person',
    seedCount: 22,
    validInput: () => Promise.resolve(fakePerson()),
    textField: 'name',
    textLimits: { name: 200, notes: 4000 },
    required: ['name'],
    badValues: [
      ['name', 42, 'invalid_type'],
      ['name', '', 'too_small'],
      ['name', 'Navn\u001b[31m', 'control_characters'],
      ['email', 'ikke-en-adresse', 'email_format'],
      ['phone', '12 34', 'phone_format'],
      ['phone', '+46 12345678', 'phone_format'],
      ['notes', null, 'invalid_type'],
    ],
    sortFields: ['name'],
  });

  it('lists people in Danish alphabetical order by default', async () => {
    const people = await ctx().api.list<Person>('/api/people');
    expectSortedBy(people, 'name');
    const names = people.map((p) => p.name);
    expect(names.indexOf('Peter Sinding Poulsen')).toBeLessThan(names.indexOf('Peter Sørensen'));
    expect(names[0]).toBe('Anders Killmann Petersen');
  });

  it.each([
    ['sorensen', ['Hans A. Sørensen', 'Peter Sørensen']],
    ['SØRENSEN peter', ['Peter Sørensen']],
    ['aagaard', ['Johannes Aagaard Saugbjerg']],
    ['agard', ['Johannes Aagaard Saugbjerg']],
    ['ulsoe', ['Bo Ulsøe']],
    ['thogersen', ['Lotte Thøgersen']],
  ])('q %j finds %j', async (q, names) => {
    const res = await ctx().api.get<Person[]>(`/api/people?q=${encodeURIComponent(q)}`);
    expect(res.body.map((p) => p.name)).toEqual(names);
    expect(res.headers.get('x-total-count')).toBe(String(names.length));
  });

  it.each([
    ['rene muller agard', 'Testperson René Müller-Ågård'],
    ['RENÉ MÜLLER', 'Testperson René Müller-Ågård'],
    ['rené', 'Testperson Rene Muller'],
    ['çedille', 'Testperson Cedille Nuñez'],
    ['nunez', 'Testperson Cedille Nuñez'],
  ])('q %j finds %j whatever the accents', async (q, name) => {
    const { api } = ctx();
    const created = await api.create<Person>('/api/people', fakePerson({ name }));
    const found = await api.list<Person>(`/api/people?q=${encodeURIComponent(q)}`);
    expect(found).toEqual([created]);
  });

  it('stores empty email and phone as null', async () => {
    const person = await ctx().api.create<Person>('/api/people', fakePerson({ email: '', phone: '' }));
    expect(person).toMatchObject({ email: null, phone: null });
  });

  it.each(['12345678', '+45 12 34 56 78', '0045-12345678'])('accepts the Danish phone number %j', async (phone) => {
    const person = await ctx().api.create<Person>('/api/people', fakePerson({ phone }));
    expect(person.phone).toBe(phone);
  });

  it('refuses to delete a person who holds a membership, naming it, and keeps the person', async () => {
    const { api, seed } = ctx();
    const { person, membership } = seed.holding('Lone Dybdal');
    await expectDeleteBlocked(api, `/api/people/${person.id}`, { entity: 'membership', id: membership.id });
  });
});
