import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../domain/dates';
import { bodyQueries } from '../../../lib/resources';

interface Props {
  bodyId: string | undefined;
  asOf: IsoDate;
  today: IsoDate;
  onChange: (next: { bodyId?: string; asOf?: IsoDate }) => void;
}

/** Which body, as of which date. Both live in the URL, so the view is a link. */
export function RosterFilters({ bodyId, asOf, today, onChange }: Props) {
  const { t } = useTranslation();
  const bodies = useQuery(bodyQueries.list());
  const options = bodies.data ?? [];
  const selected = bodyId ?? options.find((b) => b.kind === 'council' && b.parentId === null)?.id ?? '';

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, displayPrint: 'none' }}>
      <TextField
        select
        label={t('roster.bodyLabel')}
        value={options.some((b) => b.id === selected) ? selected : ''}
        onChange={(e) => onChange({ bodyId: e.target.value, asOf })}
        sx={{ minWidth: 260 }}
        size="small"
        disabled={options.length === 0}
      >
        {options.map((b) => (
          <MenuItem key={b.id} value={b.id} sx={{ pl: b.parentId ? 4 : 2 }}>
            {b.name}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          type="date"
          label={t('roster.asOfLabel')}
          value={asOf}
          onChange={(e) => {
            // A half-typed date is empty here; wait for a whole one.
            if (e.target.value) onChange({ bodyId, asOf: e.target.value });
          }}
          size="small"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: '1900-01-01', max: '2999-12-31' } }}
        />
        <Button variant="outlined" onClick={() => onChange({ bodyId, asOf: undefined })} disabled={asOf === today}>
          {t('common.today')}
        </Button>
      </Stack>
    </Stack>
  );
}
