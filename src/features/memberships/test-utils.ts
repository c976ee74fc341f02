/** Helpers for this feature's integration tests (Testing Library only: no app code, no mocks). */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

// These tests are whole journeys (a dialog, a write, the refetch of every view): on a busy
// machine one step can take more than Testing Library's default second.
configure({ asyncUtilTimeout: 4000 });

/** The roster row of a holder, found by their name. */
export async function rowOf(name: string): Promise<HTMLElement> {
  await screen.findAllByRole('table');
  const row = screen.getAllByRole('row').find((r) => within(r).queryByText(name));
  if (!row) throw new Error(`no roster row for ${name}`);
  return row;
}

/** The roster row of a seat, found by the seat's label in its row header. */
export async function rowOfSeat(label: string): Promise<HTMLElement> {
  const header = await screen.findByRole('rowheader', { name: label });
  const row = header.closest('tr');
  if (!row) throw new Error(`no roster row for ${label}`);
  return row;
}

/** Opens a row's action menu, picks the action, and returns its dialog. */
export async function openRowAction(user: UserEvent, row: HTMLElement, action: string): Promise<HTMLElement> {
  await user.click(within(row).getByRole('button', { name: /^Handlinger for / }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
  return screen.findByRole('dialog');
}

/** A native date field takes no typing in jsdom; a browser's picker sets the whole value at once. */
export function setDate(label: RegExp, value: string, container: HTMLElement = document.body): void {
  fireEvent.change(within(container).getByLabelText(label), { target: { value } });
}

/** Picks a person in the dialog's person picker by typing part of the name. */
export async function pickPerson(user: UserEvent, dialog: HTMLElement, typed: string, option: string | RegExp) {
  const input = within(dialog).getByRole('combobox', { name: /person/i });
  await user.type(input, typed);
  await user.click(await screen.findByRole('option', { name: option }));
}

export async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}
