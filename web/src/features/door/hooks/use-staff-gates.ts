import { useQuery } from "@tanstack/react-query";
import { listGates, staffSession } from "../api/door-api";

/**
 * Who is at the door (the staff session) and the shows they may stand at today (GET /door/shows):
 * the scanner's gate picker and the manager's conflicts screen both start here.
 */
export function useStaffGates() {
  const session = useQuery({ queryKey: ["door", "session"], queryFn: staffSession, retry: false });
  const signedIn = session.data?.signedIn === true;
  const gates = useQuery({
    queryKey: ["door", "gates"],
    queryFn: async () => (await listGates()).body.gates ?? [],
    enabled: signedIn,
  });
  return { session, signedIn, gates };
}
