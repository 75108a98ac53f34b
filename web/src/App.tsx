import { Route, Routes } from "react-router";
import { AppShell } from "./components/AppShell";
import { MoviesPage } from "./pages/MoviesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { MoviePage, SeatsComingPage } from "./routes";

export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<MoviesPage />} />
        <Route path="movies/:movieId" element={<MoviePage />} />
        <Route path="shows/:showId/seats" element={<SeatsComingPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
