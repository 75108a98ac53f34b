import { useQuery } from "@tanstack/react-query";
import { doorKeysQuery } from "../api/keys";

/** The ticket keys, from the server or (offline) from this device. */
export const useDoorKeys = () => useQuery(doorKeysQuery());
