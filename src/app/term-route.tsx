/**
 * A term's page with the renewal's action in its header: the terms feature renders it through
 * its `renderActions` prop, and the renewal feature fills it ("Forbered næste periode" or a
 * link to the renewal), so neither feature imports the other.
 */
import { RenewalTermAction } from '../features/renewal/components/renewal-term-action';
import { TermPage } from '../features/terms/components/term-page';
import type { Term } from '../domain/schemas';

const renderActions = (term: Term) => <RenewalTermAction term={term} />;

export function TermRoute() {
  return <TermPage renderActions={renderActions} />;
}
