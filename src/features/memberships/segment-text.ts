/** End reasons the API writes as codes (src/domain/segments.ts) read as words; others as typed. */
import type { TFunction } from 'i18next';
import { SEGMENT_END_REASONS } from '../../domain/segments';

export function endReasonText(t: TFunction, reason: string | null): string | null {
  if (reason === SEGMENT_END_REASONS.continues) return t('seat.history.reasonChanged');
  if (reason === SEGMENT_END_REASONS.replaces) return t('seat.history.reasonReplaced');
  return reason;
}
