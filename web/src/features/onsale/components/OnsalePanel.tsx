import { type OnsaleEventBody, onsaleEventBody } from "@housefull/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { zodResolver } from "../../../lib/zod-resolver";
import styles from "../../admin/components/Admin.module.css";
import { Field, FormError } from "../../admin/components/Field";
import { markOnsale, unmarkOnsale } from "../api/onsale-admin";

/** The form's fields as the inputs give them: a local date-time, numbers, a box. */
const onsaleForm = z.pipe(
  z.pipe(
    z.object({
      opensAt: z.string().check(z.minLength(1, "When does the on-sale open?")),
      admitPerSecond: z.coerce.number<string>(),
      maxActive: z.coerce.number<string>(),
      wholeOpening: z.boolean(),
    }),
    z.transform((f): z.input<typeof onsaleEventBody> => {
      const opens = new Date(f.opensAt);
      // An unreadable date stays unreadable, for the API's schema to name.
      return { ...f, opensAt: Number.isNaN(opens.getTime()) ? f.opensAt : opens.toISOString() };
    }),
  ),
  onsaleEventBody,
);

/** Staff switch a show's waiting room on (opening time, admission rate, shoppers at once) or off. */
export function OnsalePanel({
  theatreId,
  showId,
  eventId,
}: {
  theatreId: string;
  showId: string;
  eventId: string | null;
}) {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ["admin"] });
  const mark = useMutation({
    mutationFn: (body: OnsaleEventBody) => markOnsale(theatreId, showId, body),
    onSuccess: done,
  });
  const unmark = useMutation({ mutationFn: () => unmarkOnsale(theatreId, showId), onSuccess: done });
  const { register, handleSubmit, formState } = useForm<z.input<typeof onsaleForm>, unknown, OnsaleEventBody>({
    resolver: zodResolver(onsaleForm),
    defaultValues: { opensAt: "", admitPerSecond: "50", maxActive: "500", wholeOpening: false },
  });
  const e = formState.errors;
  return (
    <section className={styles.panel} aria-labelledby="onsale-heading">
      <h2 id="onsale-heading">On-sale waiting room</h2>
      {eventId ? (
        <>
          <p role="status">
            This show sells through a waiting room: a hold needs an admission from its queue (event {eventId}).
          </p>
          <FormError error={unmark.error} />
          <button type="button" className="btn" disabled={unmark.isPending} onClick={() => unmark.mutate()}>
            Switch off the waiting room
          </button>
        </>
      ) : (
        <form className={styles.form} onSubmit={handleSubmit((body) => mark.mutate(body))} noValidate>
          <div className={styles.formGrid}>
            <Field
              label="Opens at"
              hint="Who comes before this gets a place drawn at random"
              error={e.opensAt?.message}
            >
              <input {...register("opensAt")} type="datetime-local" step={1} />
            </Field>
            <Field label="Admissions a second" error={e.admitPerSecond?.message}>
              <input {...register("admitPerSecond")} type="number" min={1} />
            </Field>
            <Field label="Shoppers at once" error={e.maxActive?.message}>
              <input {...register("maxActive")} type="number" min={1} />
            </Field>
          </div>
          <label>
            <input {...register("wholeOpening")} type="checkbox" /> The movie's whole opening (every upcoming show of it
            here)
          </label>
          <FormError error={mark.error} />
          <button type="submit" className="btn btn-primary" disabled={mark.isPending}>
            Sell through a waiting room
          </button>
        </form>
      )}
    </section>
  );
}
