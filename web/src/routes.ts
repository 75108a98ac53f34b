import { lazy } from "react";

/**
 * Code-split pages. The loaders are exported so a link can start fetching a page's code on hover,
 * before the click.
 */
export const loadMoviePage = () => import("./pages/MoviePage");
export const loadSeatsComingPage = () => import("./pages/SeatsComingPage");

export const MoviePage = lazy(loadMoviePage);
export const SeatsComingPage = lazy(loadSeatsComingPage);
