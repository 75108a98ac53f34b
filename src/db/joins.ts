import { movies, seatLayouts, shows, theatres } from "./catalog-tables";
import { eq } from "./drizzle";
import { orders } from "./order-tables";

/**
 * How the tables meet, written once for every store that joins them: a show's movie, theatre and
 * hall layout, an order's show. (drizzle builds each query's SQL afresh from these conditions.)
 */
export const showMovie = eq(movies.id, shows.movieId);
export const showTheatre = eq(theatres.id, shows.theatreId);
export const showLayout = eq(seatLayouts.id, shows.layoutId);
export const orderShow = eq(shows.id, orders.showId);
