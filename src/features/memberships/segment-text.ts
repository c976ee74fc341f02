/** End reasons the API writes as codes (src/domain/segments.ts) read as words; others as typed. */
import type { TFunction } from 'i18next';
import { TERM_ENDED_REASON } from '../../domain/renewal';
import { SEGMENT_END_REASONS } from '../../domain/segments';

export function endReasonText(t: TFunction, reason: string | null): string | null {
  if (reason === SEGMENT_END_REASONS.continues) return t('seat.history.reasonChanged');
  if (reason === SEGMENT_END_REASONS.replaces) return t('seat.history.reasonReplaced');
  if (reason === TERM_ENDED_REASON) return t('seat.history.reasonTermEnded');
  return reason;
}
