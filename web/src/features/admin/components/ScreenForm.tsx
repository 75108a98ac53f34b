import { type AdminScreen, type SeatLayout, screenBody } from "@housefull/shared";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "../../../lib/zod-resolver";
import { useSaveScreen } from "../hooks/mutations";
import { DEFAULT_CATEGORIES, gridLayout } from "../lib/layout-model";
import styles from "./Admin.module.css";
import { AdminForm, Field, FormEnd } from "./Field";
import { LayoutEditor } from "./LayoutEditor";

interface ScreenFormProps {
  theatreId: string;
  screen?: AdminScreen;
  onDone: () => void;
}

type ScreenValues = { name: string; layout: SeatLayout };

const CHANGE_WORDS = {
  NONE: "Screen saved.",
  IN_PLACE: "Layout changed in place: no show on it has sales yet.",
  NEW_VERSION: "This screen has sales, so a new layout version was made: new shows get it, sold shows keep theirs.",
} as const;

/** A screen: its name and its seat layout, made in the visual editor; checked by the API's `screenBody`. */
export function ScreenForm({ theatreId, screen, onDone }: ScreenFormProps) {
  const save = useSaveScreen(theatreId);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, control, handleSubmit, formState } = useForm<ScreenValues>({
    resolver: zodResolver(screenBody),
    defaultValues: { name: screen?.name ?? "", layout: screen?.layout ?? gridLayout(6, 10, DEFAULT_CATEGORIES) },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await save.mutateAsync({ screenId: screen?.id, ...values });
    setSaved(`${CHANGE_WORDS[result.layoutChange]} (layout version ${result.layoutVersion ?? 1})`);
    if (!screen) onDone();
  });
  const layoutError = formState.errors.layout;
  return (
    <AdminForm label={screen ? `Edit ${screen.name}` : "New screen"} onSubmit={onSubmit}>
      <Field label="Screen name" error={formState.errors.name?.message}>
        <input {...register("name")} />
      </Field>
      <Controller
        control={control}
        name="layout"
        render={({ field }) => <LayoutEditor value={field.value} onChange={field.onChange} />}
      />
      {layoutError ? <p className={styles.error}>Fix the layout problems above before saving.</p> : null}
      <FormEnd error={save.error} saved={saved} busy={save.isPending} submit={screen ? "Save screen" : "Create screen"}>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          Close
        </button>
      </FormEnd>
    </AdminForm>
  );
}
