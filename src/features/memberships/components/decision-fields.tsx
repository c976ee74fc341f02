/** When the change was decided and where the decision is written down: on every action that takes them. */
import Stack from '@mui/material/Stack';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDateField, FormTextField } from '../../../components/form/form-fields';

export interface DecisionValues {
  decidedOn?: string | null;
  source?: string | null;
}

export function DecisionFields({ control }: { control: Control<DecisionValues> }) {
  const { t } = useTranslation();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <FormDateField control={control} name="decidedOn" label={t('memberships.fields.decidedOn')} sx={{ maxWidth: { sm: 200 } }} />
      <FormTextField
        control={control}
        name="source"
        type="url"
        label={t('memberships.fields.source')}
        helperText={t('memberships.fields.sourceHelp')}
        slotProps={{ htmlInput: { inputMode: 'url' } }}
      />
    </Stack>
  );
}
