import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshBackend } from '../../../mocks/node';
import type { Person } from '../../domain/schemas';
import { renderApp } from '../../../tests/render-app';
import { api, bulk, SLOW, withRenewal } from './test-utils';

/** The journey before the switch-over: 18 reappointed, 2 asked and confirmed (2 new people), 1 dropped, 1 vacant. */
async function journey(backend: Awaited<ReturnType<typeof useFreshBackend>>) {
  const ctx = await withRenewal(backend);
  const { seats } = await ctx.state();
  const [dropped, vacant, askA, askB, ...rest] = seats;
  await bulk(ctx.backend, rest.map((s) => s.seat.id), { decision: 'reappoint', status: 'confirmed' });
  await bulk(ctx.backend, [dropped!.seat.id], { decision: 'drop' });
  await bulk(ctx.backend, [vacant!.seat.id], { decision: 'vacant' });
  for (const [i, s] of [askA!, askB!].entries()) {
    const person = await api<Person>(ctx.backend, 'POST', '/api/people', { name: `Testperson Fornyelse ${i + 1}` });
    await api(ctx.backend, 'POST', '/api/nominations', { seatId: s.seat.id, decision: 'nominate', status: 'confirmed', personId: person.id });
  }
  return { ...ctx, dropped: dropped!, vacant: vacant! };
}

describe('comparison of the terms', () => {
  it('counts who continues, joins and leaves, and the seats on day one', async () => {
    const { term, dropped, vacant } = await journey(await useFreshBackend());
    renderApp(`/terms/${term.id}/renewal/compare`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sammenligning: 2018-2021 og 2022-2025' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText('18 fortsætter, 2 nye, 4 stopper, 21 pladser, heraf 1 ledig på dag ét')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Fortsætter (18)' })).toBeInTheDocument();
    const joining = screen.getByRole('table', { name: 'Nye (2)' });
    expect(within(joining).getByRole('link', { name: 'Testperson Fornyelse 1' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Stopper (4)' })).toHaveTextContent(dropped.currentHolder!.person.name);
    const dayOne = screen.getByRole('heading', { level: 2, name: 'Ledige på dag ét (1)' }).closest('section')!;
    expect(within(dayOne).getByRole('link', { name: vacant.seat.label })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Nedlagte pladser (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Udskriv' })).toBeInTheDocument();
  }, SLOW);
});

describe('nomination request list', () => {
  it('lists the organisations to ask with contact and due date, links the CSV and writes one Danish letter each', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const s = await state();
    const id = (label: string) => s.seats.find((x) => x.seat.label === label)!.seat.id;
    await bulk(backend, [id('Velux')], { decision: 'nominate', status: 'requested', requestedOn: '2021-09-01', dueDate: '2021-10-01' });
    await bulk(backend, [id('BusinessHorsens 1'), id('BusinessHorsens 2')], { decision: 'nominate', status: 'planned', dueDate: '2021-10-15' });
    await bulk(backend, [id('Casa Group')], { decision: 'reappoint', status: 'confirmed' });
    const holder = s.seats.find((x) => x.seat.label === 'Velux')!.currentHolder!.person;
    await api(backend, 'PATCH', `/api/people/${holder.id}`, { email: 'fornyelse.test@example.org' }, { 'If-Match': `"${holder.version}"` });

    renderApp(`/terms/${term.id}/renewal/requests`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmodninger om kandidater til 2022-2025' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText('2 organisationer skal bedes om en kandidat.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hent CSV til brevfletning' })).toHaveAttribute('href', `/api/terms/${term.id}/renewal/requests.csv`);

    const csv = await (await backend.app.request(`/api/terms/${term.id}/renewal/requests.csv`)).text();
    expect(csv).toContain('Velux');
    expect(csv).toContain('BusinessHorsens');

    const table = screen.getByRole('table', { name: 'Organisationer' });
    const velux = within(table).getByRole('rowheader', { name: /^Velux/ }).closest('tr')!;
    expect(velux).toHaveTextContent('fornyelse.test@example.org');
    expect(velux).toHaveTextContent('1. oktober 2021');
    expect(velux).toHaveTextContent('Forsinket');
    const business = within(table).getByRole('rowheader', { name: /^BusinessHorsens/ }).closest('tr')!;
    expect(business).toHaveTextContent('Ingen kontaktoplysninger');
    expect(table).not.toHaveTextContent('Casa Group');

    const letters = screen.getAllByRole('article');
    expect(letters).toHaveLength(2);
    for (const l of letters) expect(l).toHaveAccessibleName('Indstilling af repræsentant til Horsens Alliancen for perioden 2022-2025');
    const veluxLetter = letters.find((l) => l.textContent?.includes('Kære Velux'))!;
    expect(veluxLetter).toHaveTextContent('Vi skal hermed bede jer om at indstille en repræsentant til følgende plads for perioden 2022-2025');
    expect(veluxLetter).toHaveTextContent('Vi beder om jeres svar senest den 1. oktober 2021.');
    expect(veluxLetter).toHaveTextContent('Med venlig hilsen');
    const businessLetter = letters.find((l) => l.textContent?.includes('Kære BusinessHorsens'))!;
    expect(businessLetter).toHaveTextContent('følgende 2 pladser');
    expect(businessLetter).toHaveTextContent('BusinessHorsens 1 (Horsens Alliancen)');
  }, SLOW);

  it('says when nobody is to be asked', async () => {
    const { term } = await withRenewal(await useFreshBackend());
    renderApp(`/terms/${term.id}/renewal/requests`);
    expect(await screen.findByText(/Ingen organisationer venter på en anmodning/, {}, { timeout: 15_000 })).toBeInTheDocument();
  }, SLOW);
});
