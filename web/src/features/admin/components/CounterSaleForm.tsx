import { type CounterCustomer, counterCustomerSchema } from "@housefull/shared";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { TextField } from "../../../components/TextField";
import { zodResolver } from "../../../lib/zod-resolver";
import { Link } from "../../../router";
import { useCounterSale } from "../hooks/mutations";
import { rupees } from "../lib/words";
import styles from "./Admin.module.css";
import { Field, FormError } from "./Field";

/** Email is optional at the counter: a blank one is left out before the API's schema checks the rest. */
const counterForm = z.pipe(
  z.pipe(
    z.object({ name: z.string(), phone: z.string(), email: z.string() }),
    z.transform(({ email, ...rest }) => (email.trim() ? { ...rest, email } : rest)),
  ),
  counterCustomerSchema,
);

/** A walk-in buyer for the picked free seats: held as the staff member, then sold as paid at the counter. */
export function CounterSaleForm({
  showId,
  seatIds,
  onSold,
}: {
  showId: string;
  seatIds: string[];
  onSold: () => void;
}) {
  const sale = useCounterSale(showId);
  const { register, handleSubmit, formState, reset } = useForm<z.input<typeof counterForm>, unknown, CounterCustomer>({
    resolver: zodResolver(counterForm),
    defaultValues: { name: "", phone: "", email: "" },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit((customer) =>
    sale.mutate(
      { seatIds, customer },
      {
        onSuccess: () => {
          reset();
          onSold();
        },
      },
    ),
  );
  const sold = sale.data?.order;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Counter sale">
      <h3>Sell at the counter</h3>
      <div className={styles.formGrid}>
        <TextField kind="name" label="Buyer's name" error={e.name?.message} registration={register("name")} />
        <TextField kind="phone" label="Buyer's phone" error={e.phone?.message} registration={register("phone")} />
        <Field label="Buyer's email (optional)" hint="Only if they want the ticket mailed" error={e.email?.message}>
          <input {...register("email")} type="email" autoComplete="off" />
        </Field>
      </div>
      <FormError error={sale.error} />
      {sold ? (
        <p role="status" className={styles.ok}>
          Sold at the counter: {sold.seatIds.join(", ")} · {rupees(sold.amount)} ·{" "}
          <Link to={`/tickets/${sold.orderId}`}>ticket</Link>
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={!seatIds.length || sale.isPending}>
        Sell {seatIds.length || ""} seat{seatIds.length === 1 ? "" : "s"} at the counter
      </button>
    </form>
  );
}
