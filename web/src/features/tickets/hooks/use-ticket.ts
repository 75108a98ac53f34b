import { useQuery } from "@tanstack/react-query";
import { ticketQuery } from "../api/ticket";

/** The signed ticket of a confirmed order (nothing is asked until `enabled`). */
export const useTicket = (orderId: string, enabled: boolean) => useQuery({ ...ticketQuery(orderId), enabled });
