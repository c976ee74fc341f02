/**
 * A roster row's actions in a small menu: change role or title, replace, vacate; or assign
 * when the seat is vacant. The roster renders it through its `rowActions` prop (composed in
 * src/app/router.tsx), so the roster feature does not depend on this one.
 */
import MoreVertIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { Suspense, lazy, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../domain/dates';
import type { RosterEntry } from '../../../domain/schemas';
import type { ActionKind } from './action-dialogs';

// The dialogs (forms, validation, the person picker) load when a row's action is chosen, so
// the roster's first load carries only this menu.
const ActionDialogs = lazy(() => import('./action-dialogs').then((m) => ({ default: m.ActionDialogs })));

export function MembershipRowActions({ entry, asOf }: { entry: RosterEntry; asOf: IsoDate }) {
  const { t } = useTranslation();
  const menuId = useId();
  const buttonId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [kind, setKind] = useState<ActionKind | null>(null);
  const holder = entry.membership ? { seat: entry.seat, membership: entry.membership, person: entry.person } : null;
  const choose = (next: ActionKind) => {
    setAnchor(null);
    setKind(next);
  };
  const kinds: ActionKind[] = holder ? ['change', 'replace', 'end'] : ['assign'];

  return (
    <>
      <IconButton
        id={buttonId}
        aria-label={t('memberships.actions.menu', { seat: entry.seat.label })}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        size="medium"
      >
        <MoreVertIcon />
      </IconButton>
      {/* Mounted only while open: a roster has a menu button on every row. */}
      {anchor && (
        <Menu
          id={menuId}
          anchorEl={anchor}
          open
          onClose={() => setAnchor(null)}
          slotProps={{ list: { 'aria-labelledby': buttonId } }}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
          transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        >
          {kinds.map((k) => (
            <MenuItem key={k} onClick={() => choose(k)}>
              <ListItemText>{t(`memberships.actions.${k}`)}</ListItemText>
            </MenuItem>
          ))}
        </Menu>
      )}
      {kind && (
        <Suspense fallback={null}>
          <ActionDialogs kind={kind} seat={entry.seat} holder={holder} asOf={asOf} onClose={() => setKind(null)} />
        </Suspense>
      )}
    </>
  );
}
