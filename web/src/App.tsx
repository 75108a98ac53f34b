import { Suspense } from "react";
import { Route, Routes } from "react-router";
import { AppShell } from "./components/AppShell";
import { PageLoading } from "./components/StatusViews";
import { MoviesPage } from "./pages/MoviesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import {
  AccountPage,
  BookingsPage,
  CheckoutPage,
  MoviePage,
  PayPage,
  ScanPage,
  SeatsPage,
  SignInPage,
  TicketPage,
} from "./routes";

export function App() {
  return (
    <Routes>
      {/* The usher's scanner is a full-screen tool of its own, outside the shop's shell. */}
      <Route
        path="scan"
        element={
          <Suspense fallback={<PageLoading />}>
            <ScanPage />
          </Suspense>
        }
      />
      <Route element={<AppShell />}>
        <Route index element={<MoviesPage />} />
        <Route path="movies/:movieId" element={<MoviePage />} />
        <Route path="shows/:showId/seats" element={<SeatsPage />} />
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
