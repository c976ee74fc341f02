/**
 * Deleting a record from its page, after asking. The server refuses while the record is in
 * use (409 'in-use', naming what uses it): the dialog then says why and links that record.
 * After a deletion the list opens with a notice whose undo creates the record again (with a
 * new id: the API does not let a client choose ids) and opens it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { ApiError } from '../lib/api-client';
import { createRecord, deleteRecord, refreshAfterWrite, type ResourceName } from '../lib/resources';
import { ConfirmDialog } from './confirm-dialog';
import { FormProblem } from './form/form-problem';
import { useNotify } from './notifications';
import { recordHref } from './record-link';

interface Props<T extends { id: string; version: number }> {
  resource: ResourceName;
  record: T;
  /** The record's editable data, sent again on undo. */
  dataOf: (record: T) => unknown;
  /** Where to go after the deletion (the list the record was in). */
  listHref: string;
  texts: { title: string; body: string; inUse: string; submit: string; deleted: string };
  onClose: () => void;
}

export function DeleteRecordDialog<T extends { id: string; version: number }>({ resource, record, dataOf, listHref, texts, onClose }: Props<T>) {
  const notify = useNotify();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Refreshing is left to afterDelete: refreshing first would refetch the deleted record on
  // the page still showing it (404), and unmount the dialog before its callbacks run.
  const remove = useMutation({ mutationFn: (r: T) => deleteRecord(resource, r) });
  const inUse = remove.error instanceof ApiError && (remove.error.problem?.conflicts ?? []).some((c) => c.rule === 'in-use');

  /** Leave the deleted record's page first, then refresh every view. */
  const afterDelete = async () => {
    onClose();
    await router.navigate({ href: listHref });
    notify({
      message: texts.deleted,
      undo: async () => {
        const again = await createRecord(resource, dataOf(record));
        await refreshAfterWrite(queryClient);
        await router.navigate({ href: recordHref(resource, again.id) ?? listHref });
      },
    });
    await refreshAfterWrite(queryClient);
  };

  return (
    <ConfirmDialog
      open
      onClose={onClose}
      onConfirm={() => remove.mutate(record, { onSuccess: () => void afterDelete() })}
      title={texts.title}
      body={inUse ? texts.inUse : texts.body}
      confirmLabel={texts.submit}
      pending={remove.isPending}
      problem={
        <FormProblem
          error={remove.error}
          fields={[]}
          onReload={() => {
            remove.reset();
            onClose();
            void refreshAfterWrite(queryClient);
          }}
        />
      }
    />
  );
}
