/** What the held-seat actions work on: the seat, the segment on it, and who holds it. */
import type { IsoDate } from '../../domain/dates';
import type { Membership, Person, Seat } from '../../domain/schemas';

export interface Holder {
  seat: Seat;
  membership: Membership;
  person: Person | null;
}

export interface HolderProps {
  holder: Holder;
  /** The view's date: the default effective date. */
  asOf: IsoDate;
  onClose: () => void;
}
