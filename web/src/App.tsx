import { type ReactNode, Suspense } from "react";
import { Route, Routes } from "react-router";
import { AppShell } from "./components/AppShell";
import { PageLoading } from "./components/StatusViews";
import { MoviesPage } from "./pages/MoviesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import {
  AccountPage,
  AdminArea,
  BookingsPage,
  CheckoutPage,
  DoorConflictsPage,
  MoviePage,
  PayPage,
  QueuePage,
  ScanPage,
  SeatsPage,
  SignInPage,
  TicketPage,
} from "./routes";

/** A page in a lazy chunk of its own: the page-wide spinner until the chunk has arrived. */
const whenLoaded = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

export function App() {
  return (
    <Routes>
      {/* The usher's scanner is a full-screen tool of its own, outside the shop's shell. */}
      <Route path="scan" element={whenLoaded(<ScanPage />)} />
      {/* The back office: its own frame and its own lazy chunk. */}
      <Route path="admin/*" element={whenLoaded(<AdminArea />)} />
      <Route path="scan/conflicts" element={whenLoaded(<DoorConflictsPage />)} />
      <Route element={<AppShell />}>
        <Route index element={<MoviesPage />} />
        <Route path="movies/:movieId" element={<MoviePage />} />
        <Route path="shows/:showId/seats" element={<SeatsPage />} />
        {/* An on-sale event's waiting room (issue 15); ?show= is where an admission leads. */}
        <Route path="onsale/:eventId" element={<QueuePage />} />
        <Route path="checkout/:holdId" element={<CheckoutPage />} />
        {/* pay, and paid: the payment provider's cancel and success URLs (src/orders/use-cases/start-payment.ts). */}
        <Route path="orders/:orderId/:step" element={<PayPage />} />
        <Route path="tickets/:orderId" element={<TicketPage />} />
        <Route path="bookings" element={<BookingsPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
