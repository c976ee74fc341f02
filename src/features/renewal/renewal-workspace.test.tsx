import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, useFreshBackend } from '../../../mocks/node';
import type { RenewalState } from '../../domain/renewal';
import { renderApp } from '../../../tests/render-app';
import { api, bulk, seatRow, setDate, SLOW, withRenewal } from './test-utils';

const seatIds = (state: RenewalState, labels: string[]) =>
  labels.map((label) => {
    const s = state.seats.find((x) => x.seat.label === label);
    if (!s) throw new Error(`no seat ${label}`);
    return s.seat.id;
  });

async function workspace(termId: string) {
  const utils = renderApp(`/terms/${termId}/renewal`);
  await screen.findByRole('heading', { level: 1, name: 'Fornyelse: 2018-2021 → 2022-2025' }, { timeout: 15_000 });
  return utils;
}

describe('renewal workspace', () => {
  it('reappoints a holder from the decision dialog; progress goes up, and undo takes it back', async () => {
    const { term, backend } = await withRenewal(await useFreshBackend());
    const { user } = await workspace(term.id);
    expect(screen.getByText('0 af 22 pladser afklaret')).toBeInTheDocument();
    expect(screen.getByText('22 pladser uden beslutning')).toBeInTheDocument();

    await user.click(within(await seatRow('Velux')).getByRole('button', { name: 'Beslut for Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Beslutning for Velux' });
    expect(dialog).toHaveTextContent('Nu: Kristian E. Justesen (Adm. Direktør), indstillet af Velux.');
    await user.click(within(dialog).getByRole('radio', { name: /Genudpeg/ }));
    expect(within(dialog).getByText('Genudpeger Kristian E. Justesen.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Gem beslutning' }));

    expect(await screen.findByText('1 af 22 pladser afklaret')).toBeInTheDocument();
    expect(await seatRow('Velux')).toHaveTextContent(/Genudpeg.*Bekræftet/);
    const nominations = await backend.store.nominations.list();
    expect(nominations).toMatchObject([{ decision: 'reappoint', status: 'confirmed', title: 'Adm. Direktør' }]);

    await user.click(await screen.findByRole('button', { name: 'Fortryd' }));
    expect(await screen.findByText('0 af 22 pladser afklaret')).toBeInTheDocument();
    expect(await backend.store.nominations.list()).toHaveLength(0);
  }, SLOW);

  it('asks every business seat’s organisation for a nominee in one go', async () => {
    const { term, backend } = await withRenewal(await useFreshBackend());
    const { user } = await workspace(term.id);
    await user.click(screen.getByRole('button', { name: 'Erhverv' }));
    expect(await screen.findByText('Viser 11 af 22 pladser.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Vælg alle viste pladser i Horsens Alliancen' }));
    expect(screen.getByText('11 pladser valgt')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bed om kandidater' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bed om kandidater til 11 pladser' });
    setDate(/Svarfrist/, '2031-10-01', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Markér som anmodet' }));

    expect(await screen.findByText('11 pladser: Bed organisationen om en kandidat.')).toBeInTheDocument();
    const nominations = await backend.store.nominations.list();
    expect(nominations).toHaveLength(11);
    expect(new Set(nominations.map((n) => `${n.decision}/${n.status}/${n.dueDate}`))).toEqual(new Set(['nominate/requested/2031-10-01']));
    expect(await seatRow('Velux')).toHaveTextContent('Frist 1. oktober 2031');
  }, SLOW);

  it('makes an overdue request stand out in words, and filters to it', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const ids = seatIds(await state(), ['Velux', 'Casa Group']);
    await bulk(backend, [ids[0]!], { decision: 'nominate', status: 'requested', requestedOn: '2021-09-01', dueDate: '2021-10-01' });
    await bulk(backend, [ids[1]!], { decision: 'nominate', status: 'requested', requestedOn: '2021-09-01', dueDate: '2999-10-01' });
    const { user } = await workspace(term.id);
    expect(screen.getByText('1 anmodning er forsinket')).toBeInTheDocument();
    expect(await seatRow('Velux')).toHaveTextContent('Forsinket (frist 1. oktober 2021)');
    expect(await seatRow('Casa Group')).not.toHaveTextContent('Forsinket');
    await user.click(screen.getByRole('button', { name: 'Forsinket' }));
    expect(await screen.findByText('Viser 1 af 22 pladser.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Forsinket' })).toHaveAttribute('aria-pressed', 'true');
    // The check list names it too, as a notice (it does not block the switch-over by itself).
    expect(screen.getByRole('list', { name: 'Fund' })).toHaveTextContent('Bemærk: Svarfristen er overskredet: Velux');
  }, SLOW);

  it('finds seats by holder without diacritics ("sorensen" finds Sørensen)', async () => {
    const { term } = await withRenewal(await useFreshBackend());
    const { user } = await workspace(term.id);
    await user.type(screen.getByRole('searchbox', { name: 'Søg efter plads, organisation eller person' }), 'sorensen');
    expect(await screen.findByText('Viser 2 af 22 pladser.')).toBeInTheDocument();
    const seats = screen.getByRole('table', { name: /^Horsens Alliancen/ });
    expect(within(seats).getAllByRole('row')).toHaveLength(3);
    expect(seats).toHaveTextContent('Peter Sørensen');
    expect(seats).toHaveTextContent('Hans A. Sørensen');
  }, SLOW);

  it('shows a nominee who already has a seat in the body in the new term next to the field (409)', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const [first] = seatIds(await state(), ['Horsens Kommune 1']);
    await bulk(backend, [first!], { decision: 'reappoint', status: 'confirmed' });
    const { user } = await workspace(term.id);

    await user.click(within(await seatRow('Velux')).getByRole('button', { name: 'Beslut for Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Beslutning for Velux' });
    await user.click(within(dialog).getByRole('radio', { name: /Bed organisationen om en kandidat/ }));
    await user.type(within(dialog).getByRole('combobox', { name: 'Kandidat' }), 'Peter Sø');
    await user.click(await screen.findByRole('option', { name: /^Peter Sørensen/ }));
    await user.click(within(dialog).getByRole('combobox', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Bekræftet' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gem beslutning' }));

    expect(
      await within(dialog).findByText('Personen har allerede en plads i samme råd eller forum i den nye periode: Horsens Kommune 1.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ændringen blev ikke gemt.');
    expect(await backend.store.nominations.list()).toHaveLength(1);
  }, SLOW);

  it('shows a second chair next to the role field (409)', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const mayor = (await state()).seats.find((x) => x.seat.label === 'Horsens Kommune 1')!;
    // The mayor is reappointed as chair (a reappointment naming the person keeps the role sent).
    await api(backend, 'POST', '/api/nominations', {
      seatId: mayor.seat.id,
      decision: 'reappoint',
      status: 'confirmed',
      personId: mayor.currentHolder!.person.id,
      role: 'chair',
    });
    const { user } = await workspace(term.id);
    await user.click(within(await seatRow('Velux')).getByRole('button', { name: 'Beslut for Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Beslutning for Velux' });
    await user.click(within(dialog).getByRole('radio', { name: /Genudpeg/ }));
    await user.click(within(dialog).getByRole('combobox', { name: /Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Formand' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gem beslutning' }));
    expect(await within(dialog).findByText('Der er allerede en formand i den nye periode: Horsens Kommune 1.')).toBeInTheDocument();
    expect(await backend.store.nominations.list()).toHaveLength(1);
  }, SLOW);

  it('refuses a stale edit, loads the latest version, and then saves', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const [velux] = seatIds(await state(), ['Velux']);
    const [created] = (await bulk(backend, [velux!], { decision: 'nominate', status: 'requested', dueDate: '2031-10-01' })).nominations;
    const { user } = await workspace(term.id);
    await user.click(within(await seatRow('Velux')).getByRole('button', { name: 'Ret beslutningen for Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Beslutning for Velux' });
    // Someone else changes the note meanwhile.
    await api(backend, 'PATCH', `/api/nominations/${created!.id}`, { note: 'Rykket pr. telefon' }, { 'If-Match': `"${created!.version}"` });
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Mail sendt');
    await user.click(within(dialog).getByRole('button', { name: 'Gem beslutning' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('En anden har ændret posten, mens du redigerede.');
    await user.click(within(alert).getByRole('button', { name: 'Hent nyeste udgave' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Note' })).toHaveValue('Rykket pr. telefon'));
    await user.click(within(dialog).getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await backend.store.nominations.list()).toMatchObject([{ note: 'Rykket pr. telefon', version: 3 }]);
  }, SLOW);

  it('explains a due date before the request in Danish, next to the field', async () => {
    const { term } = await withRenewal(await useFreshBackend());
    const { user } = await workspace(term.id);
    await user.click(within(await seatRow('Velux')).getByRole('button', { name: 'Beslut for Velux' }));
    const dialog = await screen.findByRole('dialog', { name: 'Beslutning for Velux' });
    await user.click(within(dialog).getByRole('radio', { name: /Bed organisationen om en kandidat/ }));
    setDate(/Anmodet den/, '2021-09-01', dialog);
    setDate(/Svarfrist/, '2021-08-01', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Gem beslutning' }));
    expect(await within(dialog).findByText('Svarfristen ligger før anmodningen.')).toBeInTheDocument();
  }, SLOW);

  it('refuses the switch-over with every reason listed, then switches with the named seats vacant', async () => {
    const { term, backend, state } = await withRenewal(await useFreshBackend());
    const s = await state();
    const open = seatIds(s, ['Velux', 'Casa Group']);
    await bulk(
      backend,
      s.seats.map((x) => x.seat.id).filter((id) => !open.includes(id)),
      { decision: 'reappoint', status: 'confirmed' },
    );
    const { user } = await workspace(term.id);
    expect(screen.getByText('20 af 22 pladser afklaret')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skift til ny periode' }));
    const dialog = await screen.findByRole('dialog', { name: 'Skift til 2022-2025?' });
    expect(dialog).toHaveTextContent('20 medlemskaber oprettes fra 1. januar 2022.');
    expect(dialog).toHaveTextContent('22 nuværende medlemskaber afsluttes 31. december 2021.');

    await user.click(within(dialog).getByRole('button', { name: 'Skift nu' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Skiftet blev ikke gennemført. Årsager:');
    expect(alert).toHaveTextContent('Ingen beslutning: Velux');
    expect(alert).toHaveTextContent('Ingen beslutning: Casa Group');

    await user.click(within(dialog).getByRole('checkbox', { name: 'Velux (Horsens Alliancen)' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Casa Group (Horsens Alliancen)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Skift nu' }));

    expect(await screen.findByText('Der er skiftet til 2022-2025', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Medlemslisten pr. 1. januar 2022 (ny periode)' })).toHaveAttribute('href', '/roster?asOf=2022-01-01');
    expect(screen.getByRole('link', { name: 'Medlemslisten pr. 31. december 2021 (sidste dag i den gamle periode)' })).toHaveAttribute(
      'href',
      '/roster?asOf=2021-12-31',
    );
    expect(screen.queryByRole('button', { name: 'Skift til ny periode' })).not.toBeInTheDocument();
    const created = await api<unknown[]>(backend, 'GET', '/api/memberships?asOf=2022-01-01');
    expect(created).toHaveLength(20);
  }, SLOW);

  it('cancels the renewal after asking, back to the term page', async () => {
    const { term, backend } = await withRenewal(await useFreshBackend());
    const { user, router } = await workspace(term.id);
    await user.click(screen.getByRole('button', { name: 'Annullér fornyelse' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annullér fornyelsen til 2022-2025?' });
    expect(dialog).toHaveTextContent('Perioden 2022-2025, dens 22 pladser og alle beslutninger og anmodninger slettes.');
    await user.click(within(dialog).getByRole('button', { name: 'Annullér fornyelse' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/terms/${term.id}`));
    expect((await backend.store.terms.list()).map((t) => t.label)).toEqual(['2018-2021']);
    expect(await screen.findByRole('button', { name: 'Forbered næste periode' }, { timeout: 10_000 })).toBeInTheDocument();
  }, SLOW);

  it('says so when the renewal cannot be loaded, and retries', async () => {
    const { term } = await withRenewal(await useFreshBackend());
    // Failing until the page has said so (the route's prefetch and the page's own fetch both fail).
    let failing = true;
    server.use(
      http.get('*/api/terms/:id/renewal', () => {
        if (failing) return HttpResponse.json({ title: 'boom', status: 500 }, { status: 500 });
        return undefined;
      }),
    );
    const { user } = renderApp(`/terms/${term.id}/renewal`);
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent('Fornyelsen kunne ikke hentes. Der skete en fejl på serveren.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('0 af 22 pladser afklaret')).toBeInTheDocument();
  }, SLOW);

  it('says when no renewal was started from the term', async () => {
    const { term } = await withRenewal(await useFreshBackend());
    renderApp(`/terms/${term.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/renewal`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Fornyelse' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/Der er ikke startet en fornyelse fra denne periode/)).toBeInTheDocument();
  }, SLOW);
});
