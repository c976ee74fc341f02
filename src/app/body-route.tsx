/**
 * A body's page with "Tilføj plads": the bodies feature renders the dialog through its
 * `renderAddSeat` prop, and the terms feature (which owns seats) fills it with its seat form,
 * the body fixed, so neither feature imports the other.
 */
import { CreateSeatDialog } from '../features/terms/components/seat-form-dialog';
import { BodyPage, type RenderAddSeat } from '../features/bodies/components/body-page';

const renderAddSeat: RenderAddSeat = ({ body, term, onClose }) => (
  <CreateSeatDialog term={term} bodyId={body.id} bodyName={body.name} fixedBody onClose={onClose} />
);

export function BodyRoute() {
  return <BodyPage renderAddSeat={renderAddSeat} />;
}
