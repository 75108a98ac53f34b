// TEMPORARY route stub: the seat map (SPEC "Web UI") replaces this page in the next round.
import { Link } from "react-router";
import { EmptyState } from "../components/StatusViews";
import { useDocumentTitle } from "../lib/hooks";

export default function SeatsComingPage() {
  useDocumentTitle("Seat selection");
  return (
    <div className="container">
      <EmptyState title="Seat selection is coming" description="You'll pick your seats here soon.">
        <Link to="/" className="btn btn-secondary">
          Browse movies
        </Link>
      </EmptyState>
    </div>
  );
}
