import { useEffect, useState } from "react";
import { Notice } from "../components/Notice";
import { LoadFailed, PageLoading } from "../components/StatusViews";
import { WaitingRoom } from "../features/onsale/components/WaitingRoom";
import type { AdmissionOver, BackInQueue } from "../features/onsale/hooks/use-back-to-queue";
import { useQueue } from "../features/onsale/hooks/use-queue";
import { rememberEventOfShow } from "../features/onsale/lib/admission";
import { useDocumentTitle } from "../lib/hooks";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "../router";

const NOT_ON_SALE = {
  title: "This on-sale isn't running",
  description: "The link may be old, or the show now sells without a waiting room.",
  action: { to: "/", label: "Browse movies" },
};

/** Why a visitor sent back from the seats is here again (../features/onsale/hooks/use-back-to-queue.ts). */
const OVER_WORDS: Record<AdmissionOver, { title: string; text: string }> = {
  ENDED: {
    title: "Your admission has ended",
    text: "An admission is for one purchase: it ended when you bought or left the line, maybe in another tab. To buy more, wait your turn again; you're back in the queue below.",
  },
  EXPIRED: {
    title: "Your admission ran out",
    text: "It lasts a few minutes, and they have passed. To choose seats, wait your turn again; you're back in the queue below.",
  },
};

/** The on-sale's waiting room: polls itself, and sends the admitted visitor on to the seats. */
export default function QueuePage() {
  const { eventId = "" } = useParams();
  const [search] = useSearchParams();
  const showId = search.get("show");
  const navigate = useNavigate();
  const queue = useQueue(eventId);
  const view = queue.data;
  const { state } = useLocation();
  const [over, setOver] = useState(() => (state as Partial<BackInQueue> | null)?.admissionOver);
  const overWords = over ? OVER_WORDS[over] : undefined;
  useDocumentTitle(view?.state === "QUEUED" ? `In line: number ${view.place}` : "Waiting room");

  useEffect(() => {
    if (view?.state !== "ADMITTED" || !showId) return;
    rememberEventOfShow(showId, eventId);
    navigate(`/shows/${showId}/seats`, { replace: true });
  }, [view?.state, showId, eventId, navigate]);

  if (queue.isError)
    return <LoadFailed error={queue.error} what="this on-sale" missing={NOT_ON_SALE} onRetry={() => queue.refetch()} />;
  return (
    <div className="container">
      {overWords ? (
        <Notice tone="warning" title={overWords.title} onDismiss={() => setOver(undefined)}>
          {overWords.text}
        </Notice>
      ) : null}
      {queue.isPending ? <PageLoading /> : <WaitingRoom view={queue.data} />}
      {queue.data?.state === "ADMITTED" && !showId ? <Link to="/">Choose a show</Link> : null}
    </div>
  );
}
