import { Link } from "../../../router";

/** After an order ended without a ticket: the ways on, pick seats again for the show, or all bookings. */
export function RebookLinks({ showId }: { showId: string }) {
  return (
    <>
      <Link to={`/shows/${showId}/seats`} className="btn btn-primary">
        Choose seats again
      </Link>
      <Link to="/bookings" className="btn btn-secondary">
        My bookings
      </Link>
    </>
  );
}
