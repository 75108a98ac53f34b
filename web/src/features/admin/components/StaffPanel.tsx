import { type StaffGrant, type StaffTheatreRole, staffGrantBody } from "@housefull/shared";
import { useForm } from "react-hook-form";
import { zodResolver } from "../../../lib/zod-resolver";
import { useStaffChange } from "../hooks/mutations";
import { useStaff } from "../hooks/queries";
import styles from "./Admin.module.css";
import { Field, FormError } from "./Field";

const ROLE_WORDS: Record<string, string> = { theatre_manager: "Manager", usher: "Usher" };

/** A theatre's managers and ushers: grant a role by email (the API's `staffGrantBody`), revoke one. */
export function StaffPanel({ theatreId }: { theatreId: string }) {
  const staff = useStaff(theatreId);
  const change = useStaffChange(theatreId);
  const { register, handleSubmit, formState, reset } = useForm<StaffGrant>({
    resolver: zodResolver(staffGrantBody),
    defaultValues: { email: "", role: "usher" },
  });
  const onSubmit = handleSubmit((grant) => change.mutate({ grant }, { onSuccess: () => reset() }));
  return (
    <section className={styles.panel} aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      <ul className={styles.list}>
        {staff.data?.staff.map((s) => (
          <li key={`${s.userId}-${s.role}`}>
            {s.name ?? s.email} ({s.email}) · {ROLE_WORDS[s.role] ?? s.role}{" "}
            <button
              type="button"
              className="btn btn-link"
              onClick={() => change.mutate({ revoke: { userId: s.userId, role: s.role as StaffTheatreRole } })}
            >
              Revoke {s.email}
            </button>
          </li>
        ))}
      </ul>
      <form className={styles.inline} aria-label="Grant a staff role" onSubmit={onSubmit} noValidate>
        <Field label="Email" error={formState.errors.email?.message}>
          <input type="email" {...register("email")} />
        </Field>
        <Field label="Role">
          <select {...register("role")}>
            <option value="usher">Usher</option>
            <option value="theatre_manager">Manager</option>
          </select>
        </Field>
        <button type="submit" className="btn btn-secondary" disabled={change.isPending}>
          Grant
        </button>
      </form>
      <FormError error={change.error} />
    </section>
  );
}
