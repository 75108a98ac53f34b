import { useEffect } from "react";
import { LoadFailed, PageLoading } from "../components/StatusViews";
import { WaitingRoom } from "../features/onsale/components/WaitingRoom";
import { useQueue } from "../features/onsale/hooks/use-queue";
import { rememberEventOfShow } from "../features/onsale/lib/admission";
import { useDocumentTitle } from "../lib/hooks";
import { Link, useNavigate, useParams, useSearchParams } from "../router";

const NOT_ON_SALE = {
  title: "This on-sale isn't running",
  description: "The link may be old, or the show now sells without a waiting room.",
  action: { to: "/", label: "Browse movies" },
};

/** The on-sale's waiting room: polls itself, and sends the admitted visitor on to the seats. */
export default function QueuePage() {
  const { eventId = "" } = useParams();
  const [search] = useSearchParams();
  const showId = search.get("show");
  const navigate = useNavigate();
  const queue = useQueue(eventId);
  const view = queue.data;
  useDocumentTitle(view?.state === "QUEUED" ? `In line: number ${view.place}` : "Waiting room");

  useEffect(() => {
    if (view?.state !== "ADMITTED" || !showId) return;
    rememberEventOfShow(showId, eventId);
    navigate(`/shows/${showId}/seats`, { replace: true });
  }, [view?.state, showId, eventId, navigate]);

  if (queue.isPending) return <PageLoading />;
  if (queue.isError)
    return <LoadFailed error={queue.error} what="this on-sale" missing={NOT_ON_SALE} onRetry={() => queue.refetch()} />;
  return (
    <div className="container">
      <WaitingRoom view={queue.data} />
      {queue.data.state === "ADMITTED" && !showId ? <Link to="/">Choose a show</Link> : null}
    </div>
  );
}
