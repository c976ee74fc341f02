/**
 * The person's rights under the GDPR, at the foot of their page: download everything held
 * about them (GET /api/people/:id/export, a JSON file), or anonymise them
 * (POST /api/people/:id/erase): the name becomes "Anonymiseret person N" and the contact data
 * and notes go, also from the change history, while their seats and dates stay so that past
 * rosters keep their shape. Erasure cannot be undone, so the dialog says so and asks for the
 * name to be typed first.
 */
import DownloadIcon from '@mui/icons-material/Download';
import PersonOffIcon from '@mui/icons-material/PersonOffOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormProblem } from '../../../components/form/form-problem';
import { useNotify } from '../../../components/notifications';
import { PersonSchema, type Person } from '../../../domain/schemas';
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, refreshAfterWrite } from '../../../lib/resources';
import { useCan } from '../../../lib/session';

const ErasedSchema = z.object({ person: PersonSchema, scrubbedAuditEvents: z.number() });

const isAnonymised = (p: Person) => p.name.startsWith('Anonymiseret person ');

export function PersonPrivacy({ person }: { person: Person }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [erasing, setErasing] = useState<Person | null>(null);
  const canErase = useCan('privacy:erase');
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h2" id={headingId} sx={{ mb: 1.5 }}>
        {t('people.privacy.title')}
      </Typography>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 2.5 } }}>
        <Typography sx={{ mb: 2, maxWidth: '70ch' }}>{t('people.privacy.intro')}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
          <Button variant="outlined" startIcon={<DownloadIcon />} href={`/api/people/${person.id}/export`} download>
            {t('people.privacy.export')}
          </Button>
          {canErase && (
            <Button
              variant="outlined"
              color="error"
              startIcon={<PersonOffIcon />}
              disabled={isAnonymised(person)}
              onClick={() => setErasing(person)}
            >
              {t('people.privacy.erase')}
            </Button>
          )}
          {isAnonymised(person) && <Typography color="textSecondary">{t('people.privacy.alreadyErased')}</Typography>}
        </Stack>
      </Paper>
      {erasing && <EraseDialog person={erasing} onClose={() => setErasing(null)} />}
    </Box>
  );
}

function EraseDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [touched, setTouched] = useState(false);
  const erase = useMutation({
    mutationFn: () => apiFetch(ErasedSchema, `/api/people/${person.id}/erase`, { method: 'POST', headers: ifMatch(person.version) }),
    onSuccess: async ({ person: erased }) => {
      onClose();
      notify({ message: t('people.privacy.erased', { name: erased.name }) });
      await refreshAfterWrite(queryClient);
    },
  });
  const matches = typed.trim() === person.name;
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      onConfirm={() => {
        setTouched(true);
        if (matches) erase.mutate();
      }}
      title={t('people.privacy.confirmTitle', { name: person.name })}
      body={t('people.privacy.confirmBody')}
      confirmLabel={t('people.privacy.confirm')}
      pending={erase.isPending}
      problem={
        <FormProblem
          error={erase.error}
          fields={[]}
          onReload={() => {
            erase.reset();
            onClose();
            void refreshAfterWrite(queryClient);
          }}
        />
      }
    >
      <TextField
        label={t('people.privacy.typeName', { name: person.name })}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        error={touched && !matches}
        helperText={touched && !matches ? t('people.privacy.nameMismatch') : ' '}
        autoComplete="off"
        fullWidth
      />
    </ConfirmDialog>
  );
}
