import { type ReactNode, Suspense } from "react";
import { AppShell } from "./components/AppShell";
import { PageLoading } from "./components/StatusViews";
import { MoviesPage } from "./pages/MoviesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { Route, Switch } from "./router";
import {
  AccountPage,
  AdminArea,
  BookingsPage,
  CheckoutPage,
  DoorConflictsPage,
  MoviePage,
  PayPage,
  QueuePage,
  readSeatsPageData,
  ScanPage,
  SeatsPage,
  SignInPage,
  TicketPage,
} from "./routes";

/** A page in a lazy chunk of its own: the page-wide spinner until the chunk has arrived. */
const whenLoaded = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

export function App() {
  return (
    <Switch>
      {/* The usher's scanner is a full-screen tool of its own, outside the shop's shell. */}
      <Route path="/scan">{whenLoaded(<ScanPage />)}</Route>
      {/* The back office (/admin and everything below it): its own frame and its own lazy chunk. */}
      <Route path="/admin/*?">{whenLoaded(<AdminArea />)}</Route>
      <Route path="/scan/conflicts">{whenLoaded(<DoorConflictsPage />)}</Route>
      <Route>
        <AppShell>
          <Switch>
            <Route path="/" component={MoviesPage} />
            <Route path="/movies/:movieId" component={MoviePage} />
            <Route path="/shows/:showId/seats">
              {({ showId }) => {
                readSeatsPageData(showId);
                return <SeatsPage />;
              }}
            </Route>
            {/* An on-sale event's waiting room (issue 15); ?show= is where an admission leads. */}
            <Route path="/onsale/:eventId" component={QueuePage} />
            <Route path="/checkout/:holdId" component={CheckoutPage} />
            {/* pay, and paid: the payment provider's cancel and success URLs (src/orders/use-cases/start-payment.ts). */}
            <Route path="/orders/:orderId/:step" component={PayPage} />
            <Route path="/tickets/:orderId" component={TicketPage} />
            <Route path="/bookings" component={BookingsPage} />
            <Route path="/sign-in" component={SignInPage} />
            <Route path="/account" component={AccountPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </AppShell>
      </Route>
    </Switch>
  );
}
