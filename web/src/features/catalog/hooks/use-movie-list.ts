import { useEarlyRead } from "../../../api/early-reads";
import { type MovieListParams, movieListRead } from "../api/movies";

/** GET /movies: a page of the catalogue, filtered (the movies page's first load has no query library). */
export const useMovieList = (params: MovieListParams) => useEarlyRead(movieListRead(params));
