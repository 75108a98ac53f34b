import { useQuery } from "@tanstack/react-query";
import { seatMapQuery } from "../../booking/api/booking";

/** The customers' own seat map of the show (the same states they see), for house seats and the counter. */
export const useStaffSeatMap = (showId: string) => useQuery(seatMapQuery(showId));
