import { type OrphanRuleBody, orphanRuleBody } from "@housefull/shared";
import { useForm } from "react-hook-form";
import { zodResolver } from "../../../lib/zod-resolver";
import { useSetOrphanRule } from "../hooks/mutations";
import styles from "./Admin.module.css";
import { AdminForm, FormEnd } from "./Field";

/** The show's seat rules: the orphan rule on customers' own picks. The box follows what the show has. */
export function SeatRulesForm(props: { theatreId: string; showId: string; orphanRule: boolean }) {
  const save = useSetOrphanRule(props.theatreId, props.showId);
  const { register, handleSubmit, formState } = useForm<OrphanRuleBody>({
    resolver: zodResolver(orphanRuleBody),
    // `values`, not defaultValues: the form resets to the show's rule whenever the page's show changes.
    values: { orphanRule: props.orphanRule },
  });
  const onSubmit = handleSubmit(({ orphanRule }) => save.mutate(orphanRule));
  return (
    <section className={styles.panel} aria-labelledby="seat-rules-heading">
      <h2 id="seat-rules-heading">Seat rules</h2>
      <p data-testid="orphan-rule-state">
        {props.orphanRule
          ? "Seats kept together: a pick that would leave one seat alone is refused (when another is possible)."
          : "Any seats may be picked, even if one is left alone."}
      </p>
      <AdminForm label="Seat rules" onSubmit={onSubmit}>
        <label className={styles.check}>
          <input type="checkbox" {...register("orphanRule")} /> Keep seats together (no single empty seat)
        </label>
        <FormEnd
          error={save.error}
          saved={save.isSuccess && !formState.isDirty ? "Saved: the next hold obeys it." : null}
          busy={save.isPending}
          submit="Save seat rules"
        />
      </AdminForm>
    </section>
  );
}
