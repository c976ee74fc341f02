/**
 * A roster row's actions in a small menu: change role or title, replace, vacate; or assign
 * when the seat is vacant. The roster renders it through its `rowActions` prop (composed in
 * src/app/router.tsx), so the roster feature does not depend on this one.
 */
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { Suspense, lazy, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MORE_VERT_PATH, PlainIconButton } from '../../../components/plain-icon-button';
import type { IsoDate } from '../../../domain/dates';
import type { RosterEntry } from '../../../domain/schemas';
import type { ActionKind } from './action-dialogs';

// The dialogs (forms, validation, the person picker) load when a row's action is chosen, so
// the roster's first load carries only this menu.
const ActionDialogs = lazy(() => import('./action-dialogs').then((m) => ({ default: m.ActionDialogs })));

/**
 * `menuLabel` is the button's accessible name ("Handlinger for <seat>"), translated by the
 * caller: a row renders no translation hook of its own, and the menu's words are read only
 * once it opens.
 */
export function MembershipRowActions({ entry, asOf, menuLabel }: { entry: RosterEntry; asOf: IsoDate; menuLabel: string }) {
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [kind, setKind] = useState<ActionKind | null>(null);
  const holder = entry.membership ? { seat: entry.seat, membership: entry.membership, person: entry.person } : null;

  return (
    <>
      {/* A plain button: the roster has one on every row (its table styles it). */}
      <PlainIconButton
        path={MORE_VERT_PATH}
        id={`${menuId}-button`}
        aria-label={menuLabel}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
      />
      {/* Mounted only while open: a roster has a menu button on every row. */}
      {anchor && (
        <RowMenu
          id={menuId}
          anchor={anchor}
          kinds={holder ? ['change', 'replace', 'end'] : ['assign']}
          onClose={() => setAnchor(null)}
          onChoose={(next) => {
            setAnchor(null);
            setKind(next);
          }}
        />
      )}
      {kind && (
        <Suspense fallback={null}>
          <ActionDialogs kind={kind} seat={entry.seat} holder={holder} asOf={asOf} onClose={() => setKind(null)} />
        </Suspense>
      )}
    </>
  );
}

function RowMenu({
  id,
  anchor,
  kinds,
  onClose,
  onChoose,
}: {
  id: string;
  anchor: HTMLElement;
  kinds: ActionKind[];
  onClose: () => void;
  onChoose: (kind: ActionKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu
      id={id}
      anchorEl={anchor}
      open
      onClose={onClose}
      slotProps={{ list: { 'aria-labelledby': anchor.id } }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
    >
      {kinds.map((k) => (
        <MenuItem key={k} onClick={() => onChoose(k)}>
          <ListItemText>{t(`memberships.actions.${k}`)}</ListItemText>
        </MenuItem>
      ))}
    </Menu>
  );
}
