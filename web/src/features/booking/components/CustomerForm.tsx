import { type Customer, type CustomerInput, customerSchema } from "@housefull/shared";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "../../../api/client";
import { Notice } from "../../../components/Notice";
import { TextField } from "../../../components/TextField";
import { formatPrice } from "../../../lib/format-show";
import { zodResolver } from "../../../lib/zod-resolver";
import { useAccountPrefill } from "../../accounts/hooks/use-account-prefill";
import type { Hold, Order } from "../api/booking";
import { usePlaceOrder } from "../hooks/mutations";
import { actionErrorWords, type BookingNotice } from "../lib/notices";
import styles from "./Checkout.module.css";

type Field = keyof CustomerInput;
const FIELDS: Field[] = ["name", "email", "phone"];
const SAVED_CUSTOMER_KEY = "housefull.customer";

function savedCustomer(): CustomerInput {
  try {
    const raw = localStorage.getItem(SAVED_CUSTOMER_KEY);
    if (raw) {
      const saved = JSON.parse(raw) as Partial<CustomerInput>;
      return { name: saved.name ?? "", email: saved.email ?? "", phone: saved.phone ?? "" };
    }
  } catch {
    // Nothing saved.
  }
  return { name: "", email: "", phone: "" };
}

function rememberCustomer(customer: Customer | null) {
  try {
    if (customer) localStorage.setItem(SAVED_CUSTOMER_KEY, JSON.stringify(customer));
    else localStorage.removeItem(SAVED_CUSTOMER_KEY);
  } catch {
    // Not remembered, then.
  }
}

interface CustomerFormProps {
  hold: Hold;
  onOrdered: (order: Order) => void;
  onHoldLost: (notice: BookingNotice) => void;
}

/**
 * Contact details, checked by the API's own `customerSchema` (the same messages the API would
 * give). A field is checked when it is left with something in it, then as it is typed; all of them
 * on submit, with focus on the first one to fix.
 */
export function CustomerForm({ hold, onOrdered, onHoldLost }: CustomerFormProps) {
  const [remember, setRemember] = useState(true);
  const placeOrder = usePlaceOrder();
  const { register, handleSubmit, trigger, setError, formState, setValue, getFieldState } = useForm<
    CustomerInput,
    unknown,
    Customer
  >({
    resolver: zodResolver(customerSchema),
    defaultValues: savedCustomer(),
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  useAccountPrefill({ setValue, getFieldState });
  const { errors, isSubmitted } = formState;
  /** Fields left with text in them: their message follows what is typed from then on. */
  const left = useRef(new Set<Field>());

  const field = (name: Field) =>
    register(name, {
      onBlur: (event: { target: { value: string } }) => {
        // Don't scold an empty field the user just tabbed past.
        if (!event.target.value.trim() && !isSubmitted) return;
        left.current.add(name);
        void trigger(name);
      },
      onChange: () => {
        if (!isSubmitted && left.current.has(name)) void trigger(name);
      },
    });

  const onSubmit = handleSubmit((customer) =>
    placeOrder.mutate(
      { hold, customer },
      {
        onSuccess: (order) => {
          rememberCustomer(remember ? customer : null);
          onOrdered(order);
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.code === "HOLD_EXPIRED" || error.status === 410) onHoldLost({ kind: "hold-expired" });
          else if (error.code === "HOLD_NOT_FOUND") onHoldLost({ kind: "hold-missing" });
          else if (error.code === "SEAT_TAKEN") {
            const seats = Array.isArray(error.details.seats) ? (error.details.seats as string[]) : hold.seatIds;
            onHoldLost({ kind: "seats-taken", seats });
          } else if (error.code === "VALIDATION_FAILED" && Array.isArray(error.details.issues)) {
            // The API disagreed with the form (it shouldn't: same schema). Show its words by the fields.
            for (const issue of error.details.issues as { path?: string; message?: string }[]) {
              const name = FIELDS.find((f) => issue.path?.endsWith(`customer.${f}`));
              if (name && issue.message) setError(name, { message: issue.message }, { shouldFocus: true });
            }
          }
        },
      },
    ),
  );

  // Errors that move the user elsewhere or sit by the fields are not repeated here.
  const error = placeOrder.error;
  const handledElsewhere =
    error instanceof ApiError &&
    (error.status === 410 ||
      error.code === "HOLD_NOT_FOUND" ||
      error.code === "SEAT_TAKEN" ||
      error.code === "VALIDATION_FAILED");
  const failure = error && !handledElsewhere ? actionErrorWords(error) : null;
  const errorCount = FIELDS.filter((f) => errors[f]).length;

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="contact-heading">
      <h2 id="contact-heading" className={styles.cardTitle}>
        Contact details
      </h2>
      <p className={styles.formIntro}>We'll send your tickets to this email and phone.</p>
      {isSubmitted && errorCount > 0 ? (
        <p className={styles.errorSummary} role="alert">
          {errorCount === 1 ? "Please fix the highlighted field." : `Please fix the ${errorCount} highlighted fields.`}
        </p>
      ) : null}

      <TextField kind="name" label="Full name" error={errors.name?.message} registration={field("name")} />
      <TextField kind="email" label="Email" error={errors.email?.message} registration={field("email")} />
      <TextField
        kind="phone"
        label="Mobile number"
        hint="With country code if outside India, e.g. +91 98765 43210"
        error={errors.phone?.message}
        registration={field("phone")}
      />

      <label className={styles.check}>
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        Remember these details on this device
      </label>

      {failure ? (
        <Notice tone={failure.tone} title={failure.title}>
          {failure.text}
        </Notice>
      ) : null}

      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={placeOrder.isPending}>
        {placeOrder.isPending ? "Reserving your seats…" : `Continue to pay ${formatPrice(hold.amount)}`}
      </button>
    </form>
  );
}
