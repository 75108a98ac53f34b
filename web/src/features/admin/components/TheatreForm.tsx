import { type AdminTheatre, type TheatreFields, theatreFields } from "@housefull/shared";
import { useForm } from "react-hook-form";
import { zodResolver } from "../../../lib/zod-resolver";
import { useSaveTheatre } from "../hooks/mutations";
import styles from "./Admin.module.css";
import { AdminForm, Field, FormEnd } from "./Field";

interface TheatreFormProps {
  theatre?: AdminTheatre;
  onSaved: (theatre: AdminTheatre) => void;
}

const COORDINATES = [
  ["lat", "Latitude"],
  ["lng", "Longitude"],
] as const;

const EMPTY: TheatreFields = {
  name: "",
  city: "",
  address: "",
  location: null,
  cancellationPolicy: { available: true, cutoffMinutes: 120, feePercent: 10 },
  convenienceFee: "20.00",
};

/** A theatre: where it is, its cancellation policy (cut-off, fee %) and convenience fee; the API's `theatreFields`. */
export function TheatreForm({ theatre, onSaved }: TheatreFormProps) {
  const save = useSaveTheatre();
  const { register, handleSubmit, formState, getValues, setValue } = useForm<TheatreFields>({
    resolver: zodResolver(theatreFields),
    defaultValues: theatre ?? EMPTY,
  });
  const e = formState.errors;
  // Where the theatre is (for "nearest first"): both coordinates, or neither (no location).
  const setCoordinate = (part: "lat" | "lng", text: string) => {
    const current = getValues("location") ?? { lat: Number.NaN, lng: Number.NaN };
    const next = { ...current, [part]: text.trim() === "" ? Number.NaN : Number(text) };
    const empty = Number.isNaN(next.lat) && Number.isNaN(next.lng);
    setValue("location", empty ? null : next, { shouldValidate: formState.isSubmitted });
  };
  const locationError = e.location?.lat?.message ?? e.location?.lng?.message ?? e.location?.message;
  const onSubmit = handleSubmit(async (fields) => onSaved(await save.mutateAsync({ theatreId: theatre?.id, fields })));
  return (
    <AdminForm label={theatre ? "Theatre details" : "New theatre"} onSubmit={onSubmit}>
      <div className={styles.formGrid}>
        <Field label="Name" error={e.name?.message}>
          <input {...register("name")} />
        </Field>
        <Field label="City" error={e.city?.message}>
          <input {...register("city")} />
        </Field>
        <Field label="Address" error={e.address?.message}>
          <input {...register("address")} />
        </Field>
        {COORDINATES.map(([part, label]) => (
          <Field key={part} label={label} error={locationError}>
            <input
              inputMode="decimal"
              defaultValue={theatre?.location?.[part] ?? ""}
              onChange={(ev) => setCoordinate(part, ev.target.value)}
            />
          </Field>
        ))}
        <Field label="Convenience fee (₹ per order)" error={e.convenienceFee?.message}>
          <input {...register("convenienceFee")} inputMode="decimal" />
        </Field>
        <Field
          label="Cancellation cut-off (minutes before the show)"
          error={e.cancellationPolicy?.cutoffMinutes?.message}
        >
          <input type="number" {...register("cancellationPolicy.cutoffMinutes", { valueAsNumber: true })} />
        </Field>
        <Field label="Cancellation fee (%)" error={e.cancellationPolicy?.feePercent?.message}>
          <input type="number" step="0.01" {...register("cancellationPolicy.feePercent", { valueAsNumber: true })} />
        </Field>
      </div>
      <label className={styles.check}>
        <input type="checkbox" {...register("cancellationPolicy.available")} /> Customers may cancel
      </label>
      <FormEnd
        error={save.error}
        saved={save.isSuccess && theatre ? "Saved." : null}
        busy={save.isPending}
        submit={theatre ? "Save theatre" : "Create theatre"}
      />
    </AdminForm>
  );
}
