import { useQuery } from "@tanstack/react-query";
import { orderListQuery } from "../api/orders";

/** A page of this guest's orders; nothing is asked while `enabled` is false (no identity yet). */
export const useOrderList = (page: number, enabled: boolean) => useQuery({ ...orderListQuery(page), enabled });
