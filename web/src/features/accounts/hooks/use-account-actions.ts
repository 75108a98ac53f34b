import { useMutation, useQueryClient } from "@tanstack/react-query";
import { adoptSession } from "../../../api/identity";
import { orderKeys } from "../../../api/order-keys";
import { sessionSnapshot, setSession } from "../../../api/session";
import {
  type Account,
  accountKeys,
  deleteAccount,
  renameAccount,
  sendEmailCode,
  signOut,
  signOutEverywhere,
  verifyEmailCode,
} from "../api/accounts";

/**
 * One hook per accounts action. Whoever the browser is changes with sign-in, sign-out and
 * deletion, so each drops what was fetched as the previous person (their orders, their account)
 * and refreshes what is on screen. The follow-up (`onDone`) is given to the hook, not to `mutate`:
 * the component that started a sign-out is usually gone by the time it is done.
 */
function useIdentityChanged() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.removeQueries({ queryKey: orderKeys.all });
    queryClient.removeQueries({ queryKey: accountKeys.account });
    void queryClient.invalidateQueries();
  };
}

export const useSendEmailCode = () => useMutation({ mutationFn: sendEmailCode });

export function useVerifyEmailCode() {
  const changed = useIdentityChanged();
  return useMutation({
    mutationFn: ({ email, code }: { email: string; code: string }) => verifyEmailCode(email, code),
    onSuccess: changed,
  });
}

/** A way out (sign out here, everywhere, delete): then this browser is a guest again. */
function useLeave(leave: () => Promise<unknown>, onDone?: () => void) {
  const changed = useIdentityChanged();
  return useMutation({
    mutationFn: leave,
    onSuccess: async () => {
      onDone?.();
      await adoptSession({ signedIn: false });
      changed();
    },
  });
}

export const useSignOut = (onDone?: () => void) => useLeave(signOut, onDone);
export const useSignOutEverywhere = (onDone?: () => void) => useLeave(signOutEverywhere, onDone);
export const useDeleteAccount = (onDone?: () => void) => useLeave(deleteAccount, onDone);

/** PATCH /account: the new name shows in the account page and the header at once. */
export function useRenameAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameAccount,
    onSuccess: (account: Account) => {
      queryClient.setQueryData(accountKeys.account, account);
      const session = sessionSnapshot();
      if (session?.signedIn) setSession({ ...session, name: account.name });
    },
  });
}
