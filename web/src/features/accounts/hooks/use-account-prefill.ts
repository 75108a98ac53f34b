import { useEffect } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { useSignedIn } from "./use-session";

type NameAndEmail = FieldValues & { name: string; email: string };

/**
 * Checkout for a signed-in person: their name and email in the form, unless they have typed there
 * already. Also when the session answer arrives after the form (a page opened straight at checkout).
 */
export function useAccountPrefill<T extends NameAndEmail>(form: Pick<UseFormReturn<T>, "setValue" | "getFieldState">) {
  const person = useSignedIn();
  const { setValue, getFieldState } = form;
  useEffect(() => {
    if (!person) return;
    const fill = (field: Path<T>, value: string | null) => {
      if (value && !getFieldState(field).isDirty) setValue(field, value as PathValue<T, Path<T>>);
    };
    fill("name" as Path<T>, person.name);
    fill("email" as Path<T>, person.email);
  }, [person, setValue, getFieldState]);
}
