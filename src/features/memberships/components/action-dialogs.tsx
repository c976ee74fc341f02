/** The open action's dialog, mounted only while open, so every opening starts from fresh defaults. */
import type { IsoDate } from '../../../domain/dates';
import type { Seat } from '../../../domain/schemas';
import type { Holder } from '../holder';
import { AssignDialog } from './assign-dialog';
import { ChangeDialog } from './change-dialog';
import { EndDialog } from './end-dialog';
import { ReplaceDialog } from './replace-dialog';

export type ActionKind = 'assign' | 'change' | 'replace' | 'end';

export function ActionDialogs({
  kind,
  seat,
  holder,
  asOf,
  onClose,
}: {
  kind: ActionKind | null;
  seat: Seat;
  holder: Holder | null;
  asOf: IsoDate;
  onClose: () => void;
}) {
  if (kind === 'assign') return <AssignDialog seat={seat} asOf={asOf} onClose={onClose} />;
  if (!holder) return null;
  if (kind === 'change') return <ChangeDialog holder={holder} asOf={asOf} onClose={onClose} />;
  if (kind === 'replace') return <ReplaceDialog holder={holder} asOf={asOf} onClose={onClose} />;
  if (kind === 'end') return <EndDialog holder={holder} asOf={asOf} onClose={onClose} />;
  return null;
}
