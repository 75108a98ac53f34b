import { useQuery } from "@tanstack/react-query";
import { type MovieListParams, movieListQuery } from "../api/movies";

/** GET /movies: a page of the catalogue, filtered. */
export const useMovieList = (params: MovieListParams) => useQuery(movieListQuery(params));
