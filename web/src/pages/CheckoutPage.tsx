// The same rules the API applies to these fields (its zod schema, bundled into this page's chunk).
import { customerSchema, formatPaise, toPaise } from "@housefull/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { type CustomerInput, createOrder, type Hold } from "../api/booking";
import { bookingKeys, holdQuery, orderQuery } from "../api/bookingQueries";
import { ApiError, type ShowDetail } from "../api/client";
import { showQuery } from "../api/queries";
import { BookingHeader } from "../components/booking/BookingHeader";
import { Countdown } from "../components/booking/Countdown";
import { useAnnouncer } from "../components/booking/LiveRegion";
import { Notice } from "../components/booking/Notice";
import { EmptyState, ErrorState, PageLoading } from "../components/StatusViews";
import { actionErrorWords, type BookingNotice } from "../lib/bookingNotices";
import { clearSession, orderOfHold, readSession, rememberOrderOfHold, writeSession } from "../lib/bookingSession";
import { formatPrice, formatShowDateTime } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import { loadPayPage } from "../routes";
import styles from "./CheckoutPage.module.css";

type Field = keyof CustomerInput;
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: Field[] = ["name", "email", "phone"];
const SAVED_CUSTOMER_KEY = "housefull.customer";

export default function CheckoutPage() {
  const { holdId = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const hold = useQuery(holdQuery(holdId));
  // The hold names its show; until it has answered (or when it is gone), the link from the map does.
  const showId = hold.data?.showId ?? params.get("show") ?? undefined;
  const show = useQuery({ ...showQuery(showId ?? ""), enabled: Boolean(showId) });
  const [region, announce] = useAnnouncer();
  useDocumentTitle("Checkout");
  // The order this hold already became, if this browser knows it (Back from payment or the ticket).
  const session = showId ? readSession(showId) : undefined;
  const orderedAlready =
    (session?.holdId === holdId ? session.orderId : undefined) ??
    (hold.data?.status === "ORDERED" ? orderOfHold(holdId) : undefined);
  const knownOrder = useQuery({ ...orderQuery(orderedAlready ?? ""), enabled: Boolean(orderedAlready) });
  // The payment page comes next: fetch its code while the form is being filled.
  useEffect(() => void loadPayPage(), []);

  const backToSeats = useCallback(
    (notice: BookingNotice) => {
      if (!showId) return;
      clearSession(showId, holdId);
      queryClient.removeQueries({ queryKey: bookingKeys.hold(holdId) });
      navigate(`/shows/${showId}/seats`, { replace: true, state: { notice } });
    },
    [showId, holdId, navigate, queryClient],
  );

  // An expired or vanished hold sends the user back to the map, with words; a hold that already
  // became an order (Back from the ticket, an old link) goes to that order instead.
  useEffect(() => {
    const error = hold.error;
    if (!(error instanceof ApiError) || ![404, 410].includes(error.status)) return;
    const orderId = orderOfHold(holdId);
    if (orderId) navigate(`/pay/${orderId}`, { replace: true });
    else backToSeats({ kind: error.status === 410 ? "hold-expired" : "hold-missing" });
  }, [hold.error, holdId, navigate, backToSeats]);

  if (hold.isError) {
    const handled = hold.error instanceof ApiError && [404, 410].includes(hold.error.status);
    if (handled && (showId || orderOfHold(holdId))) return <PageLoading />;
    return (
      <div className="container">
        <ErrorState error={hold.error} what="your seats" onRetry={() => void hold.refetch()}>
          <Link to={showId ? `/shows/${showId}/seats` : "/"} className="btn btn-secondary">
            {showId ? "Back to seats" : "Browse movies"}
          </Link>
        </ErrorState>
      </div>
    );
  }

  if (!showId) return <PageLoading />;

  if (knownOrder.data?.status === "CONFIRMED") {
    return <Navigate to={`/tickets/${knownOrder.data.orderId}`} replace />;
  }
  if (knownOrder.data && knownOrder.data.status !== "PAYMENT_PENDING") {
    return (
      <div className="container">
        <EmptyState
          title="This booking has ended"
          description={
            knownOrder.data.status === "EXPIRED"
              ? "Time ran out before the payment, so the seats were released. Nothing was charged."
              : "It was cancelled and its seats were released."
          }
        >
          <Link to={`/shows/${showId}/seats`} className="btn btn-primary">
            Choose seats again
          </Link>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className={`container ${styles.page}`}>
      {region}
      <BookingHeader
        step="details"
        back={{ to: `/shows/${showId}/seats`, label: "Change seats" }}
        title={show.data?.movie.title}
        posterUrl={show.data?.movie.posterUrl}
        lines={
          show.data
            ? [
                [show.data.theatre.name, show.data.theatre.city].filter(Boolean).join(", "),
                formatShowDateTime(show.data.startTime),
              ]
            : []
        }
        aside={
          hold.data && hold.data.status === "HELD" ? (
            <Countdown
              expiresAt={hold.data.expiresAt}
              label="Seats held for"
              onExpire={() => backToSeats({ kind: "hold-expired" })}
              announce={announce}
            />
          ) : null
        }
      />

      {orderedAlready ? (
        <Notice
          tone="info"
          title="You've already placed this order"
          actions={
            <Link to={`/pay/${orderedAlready}`} className="btn btn-primary">
              Continue to payment
            </Link>
          }
        >
          Your seats are reserved while you pay.
        </Notice>
      ) : null}

      <div className={styles.layout}>
        <OrderSummary hold={hold.data} show={show.data} />
        {hold.data ? (
          <CustomerForm
            hold={hold.data}
            onOrdered={(orderId, expiresAt) => {
              rememberOrderOfHold(holdId, orderId);
              const current = readSession(showId);
              writeSession({
                showId,
                holdId,
                seatIds: hold.data.seatIds,
                expiresAt: current?.expiresAt ?? hold.data.expiresAt,
                orderId,
                orderExpiresAt: expiresAt,
              });
              navigate(`/pay/${orderId}`);
            }}
            onHoldLost={backToSeats}
          />
        ) : (
          <div className={`skeleton ${styles.formSkeleton}`} aria-hidden="true" />
        )}
      </div>
    </div>
  );
}

/** Movie, theatre, time, the seats by category with their prices, and the total. */
function OrderSummary({ hold, show }: { hold: Hold | undefined; show: ShowDetail | undefined }) {
  const names = new Map(show?.categories.map((c) => [c.code, c.name]) ?? []);
  const groups = new Map<string, { seats: string[]; price: string }>();
  for (const seat of hold?.seats ?? []) {
    const group = groups.get(seat.category);
    if (group) group.seats.push(seat.seatId);
    else groups.set(seat.category, { seats: [seat.seatId], price: seat.price });
  }
  return (
    <aside className={styles.summary} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.cardTitle}>
        Order summary
      </h2>
      {show ? (
        <dl className={styles.facts}>
          <div>
            <dt>Movie</dt>
            <dd>
              {show.movie.title}
              {show.movie.ageRating ? <span className={styles.cert}>{show.movie.ageRating}</span> : null}
            </dd>
          </div>
          <div>
            <dt>Theatre</dt>
            <dd>
              {show.theatre.name}
              {show.theatre.address ? <span className={styles.sub}>{show.theatre.address}</span> : null}
            </dd>
          </div>
          <div>
            <dt>When</dt>
            <dd>
              {formatShowDateTime(show.startTime)} <span className={styles.sub}>India Standard Time</span>
            </dd>
          </div>
        </dl>
      ) : (
        <div className={`skeleton ${styles.factsSkeleton}`} aria-hidden="true" />
      )}
      {hold ? (
        <>
          <table className={styles.lines}>
            <caption className="visually-hidden">Seats and prices</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Seats</th>
                <th scope="col">Price</th>
              </tr>
            </thead>
            <tbody>
              {[...groups].map(([code, group]) => (
                <tr key={code}>
                  <th scope="row">
                    <span className={styles.category}>
                      {names.get(code) ?? code} · {group.seats.length} × {formatPrice(group.price)}
                    </span>
                    <span className={styles.seatIds}>{group.seats.join(", ")}</span>
                  </th>
                  <td>{formatPrice(formatPaise(group.seats.length * toPaise(group.price)))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className={styles.total}>{formatPrice(hold.amount)}</td>
              </tr>
            </tfoot>
          </table>
          <p className={styles.fine}>Prices include taxes. Booking fee: none.</p>
        </>
      ) : (
        <div className={`skeleton ${styles.linesSkeleton}`} aria-hidden="true" />
      )}
    </aside>
  );
}

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

/** Field messages from the shared schema: the first problem of each field. */
function validate(values: CustomerInput): { errors: FieldErrors; data?: CustomerInput } {
  const result = customerSchema.safeParse(values);
  if (result.success) return { errors: {}, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { errors };
}

interface CustomerFormProps {
  hold: Hold;
  onOrdered: (orderId: string, expiresAt: string) => void;
  onHoldLost: (notice: BookingNotice) => void;
}

function CustomerForm({ hold, onOrdered, onHoldLost }: CustomerFormProps) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<CustomerInput>(savedCustomer);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [remember, setRemember] = useState(true);
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const errorSummaryId = useId();

  const order = useMutation({
    mutationFn: (customer: CustomerInput) => createOrder(hold.holdId, customer),
    onSuccess: (created, customer) => {
      try {
        if (remember) localStorage.setItem(SAVED_CUSTOMER_KEY, JSON.stringify(customer));
        else localStorage.removeItem(SAVED_CUSTOMER_KEY);
      } catch {
        // Not remembered, then.
      }
      queryClient.setQueryData(bookingKeys.order(created.orderId), created);
      // The hold is an order now: a return to this page must not show it as still held.
      queryClient.setQueryData<Hold>(bookingKeys.hold(hold.holdId), (h) => (h ? { ...h, status: "ORDERED" } : h));
      void queryClient.invalidateQueries({ queryKey: bookingKeys.orders });
      onOrdered(created.orderId, created.expiresAt);
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
        const fromApi: FieldErrors = {};
        for (const issue of error.details.issues as { path?: string; message?: string }[]) {
          const field = FIELDS.find((f) => issue.path?.endsWith(`customer.${f}`));
          if (field && issue.message && !fromApi[field]) fromApi[field] = issue.message;
        }
        setErrors(fromApi);
      }
    },
  });

  function update(field: Field, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // Once a field has been left (or the form sent), its message follows what is typed.
    if (touched[field] || submitted) setErrors((e) => ({ ...e, [field]: validate(next).errors[field] }));
  }

  function leave(field: Field) {
    if (!values[field].trim() && !submitted) return; // don't scold an empty field the user just tabbed past
    setTouched((t) => ({ ...t, [field]: true }));
    setErrors((e) => ({ ...e, [field]: validate(values).errors[field] }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const { errors: found, data } = validate(values);
    setErrors(found);
    if (!data) {
      const first = FIELDS.find((f) => found[f]);
      if (first) inputs.current[first]?.focus();
      return;
    }
    order.mutate(data);
  }

  // Errors that move the user elsewhere or sit by the fields are not repeated here.
  const handledElsewhere =
    order.error instanceof ApiError &&
    (order.error.status === 410 || ["HOLD_NOT_FOUND", "SEAT_TAKEN", "VALIDATION_FAILED"].includes(order.error.code));
  const failure = order.error && !handledElsewhere ? actionErrorWords(order.error) : null;
  const errorCount = FIELDS.filter((f) => errors[f]).length;

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="contact-heading">
      <h2 id="contact-heading" className={styles.cardTitle}>
        Contact details
      </h2>
      <p className={styles.formIntro}>We'll send your tickets to this email and phone.</p>
      {submitted && errorCount > 0 ? (
        <p id={errorSummaryId} className={styles.errorSummary} role="alert">
          {errorCount === 1 ? "Please fix the highlighted field." : `Please fix the ${errorCount} highlighted fields.`}
        </p>
      ) : null}

      <TextField
        field="name"
        label="Full name"
        autoComplete="name"
        value={values.name}
        error={errors.name}
        inputRef={(el) => {
          inputs.current.name = el;
        }}
        onChange={update}
        onBlur={leave}
      />
      <TextField
        field="email"
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        error={errors.email}
        inputRef={(el) => {
          inputs.current.email = el;
        }}
        onChange={update}
        onBlur={leave}
      />
      <TextField
        field="phone"
        label="Mobile number"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint="With country code if outside India, e.g. +91 98765 43210"
        value={values.phone}
        error={errors.phone}
        inputRef={(el) => {
          inputs.current.phone = el;
        }}
        onChange={update}
        onBlur={leave}
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

      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={order.isPending}>
        {order.isPending ? "Reserving your seats…" : `Continue to pay ${formatPrice(hold.amount)}`}
      </button>
    </form>
  );
}

interface TextFieldProps {
  field: Field;
  label: string;
  value: string;
  error: string | undefined;
  type?: "text" | "email" | "tel";
  autoComplete: string;
  inputMode?: "email" | "tel" | "text";
  hint?: string;
  inputRef: (el: HTMLInputElement | null) => void;
  onChange: (field: Field, value: string) => void;
  onBlur: (field: Field) => void;
}

function TextField({
  field,
  label,
  value,
  error,
  type = "text",
  autoComplete,
  inputMode,
  hint,
  inputRef,
  onChange,
  onBlur,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field} data-invalid={error ? "" : undefined}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={field}
        className={styles.input}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(field, e.target.value)}
        onBlur={() => onBlur(field)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required
        maxLength={field === "email" ? 254 : 100}
      />
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
