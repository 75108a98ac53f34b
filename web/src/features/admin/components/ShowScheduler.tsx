import {
  addCinemaDays,
  cinemaInstant,
  cinemaToday,
  type ScheduleShowsBody,
  scheduleShowsBody,
} from "@housefull/shared";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { ApiError } from "../../../api/client";
import { zodResolver } from "../../../lib/zod-resolver";
import { useScheduleShows } from "../hooks/mutations";
import { useAdminMovies, useScreens } from "../hooks/queries";
import { errorMessages, showTime } from "../lib/words";
import styles from "./Admin.module.css";
import { Choices } from "./Choices";
import { Field, FormError } from "./Field";
import { ProblemList } from "./ProblemList";

/** What the form holds; it becomes the API's `scheduleShowsBody` (times in the cinema's zone, +05:30). */
const scheduleForm = z.pipe(
  z.pipe(
    z.object({
      movieId: z.string().check(z.minLength(1, "Choose a movie")),
      screenId: z.string().check(z.minLength(1, "Choose a screen")),
      mode: z.enum(["one", "run"]),
      day: z.string(),
      clock: z.string(),
      from: z.string(),
      to: z.string(),
      times: z.string(),
      language: z.string(),
      format: z.string(),
      prices: z.record(z.string(), z.string()),
      orphanRule: z.boolean(),
    }),
    z.transform(
      (v): z.input<typeof scheduleShowsBody> => ({
        movieId: v.movieId,
        screenId: v.screenId,
        ...(v.language.trim() ? { language: v.language.trim() } : {}),
        ...(v.format.trim() ? { format: v.format.trim() } : {}),
        prices: v.prices,
        orphanRule: v.orphanRule,
        ...(v.mode === "one"
          ? { startTime: cinemaInstant(v.day, v.clock) }
          : { run: { from: v.from, to: v.to, times: v.times.split(/[\s,]+/).filter(Boolean) } }),
      }),
    ),
  ),
  scheduleShowsBody,
);
type ScheduleValues = z.input<typeof scheduleForm>;

interface Clash {
  requestedStart?: string;
  showId?: string | null;
  startTime?: string;
  hallFreeAt?: string;
}

const clashWords = (c: Clash) =>
  `${c.requestedStart ? showTime(c.requestedStart) : "?"} clashes with ${
    c.showId ? `show ${c.showId.slice(0, 8)}` : "another show of this run"
  }${c.startTime ? ` at ${showTime(c.startTime)}` : ""}${c.hallFreeAt ? ` (hall free at ${showTime(c.hallFreeAt)})` : ""}`;

/** One show or a run (date range × times) on a screen, priced per category of its layout. */
export function ShowScheduler({ theatreId }: { theatreId: string }) {
  const movies = useAdminMovies();
  const screens = useScreens(theatreId);
  const schedule = useScheduleShows(theatreId);
  const tomorrow = addCinemaDays(cinemaToday(), 1);
  const { register, handleSubmit, watch, formState } = useForm<ScheduleValues, unknown, ScheduleShowsBody>({
    resolver: zodResolver(scheduleForm),
    defaultValues: {
      movieId: "",
      screenId: "",
      mode: "run",
      day: tomorrow,
      clock: "18:00",
      from: tomorrow,
      to: addCinemaDays(tomorrow, 1),
      times: "18:00, 21:30",
      language: "",
      format: "",
      prices: {},
      orphanRule: false,
    },
  });
  const mode = watch("mode");
  const screen = screens.data?.screens.find((s) => s.id === watch("screenId"));
  const clashes =
    schedule.error instanceof ApiError && schedule.error.code === "SHOW_OVERLAP"
      ? ((schedule.error.details.clashes as Clash[] | undefined) ?? [])
      : [];
  const problems = errorMessages(formState.errors);
  const onSubmit = handleSubmit((body) => schedule.mutate(body));

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Schedule shows">
      <div className={styles.formGrid}>
        <Field label="Movie">
          <select {...register("movieId")}>
            <Choices
              blank="Choose…"
              items={movies.data?.movies.filter((m) => !m.retiredAt).map((m) => ({ id: m.id, name: m.title }))}
            />
          </select>
        </Field>
        <Field label="Screen">
          <select {...register("screenId")}>
            <Choices blank="Choose…" items={screens.data?.screens} />
          </select>
        </Field>
        <Field label="Schedule">
          <select {...register("mode")}>
            <option value="run">A run (dates × times)</option>
            <option value="one">One show</option>
          </select>
        </Field>
        {mode === "one" ? (
          <>
            <Field label="Date">
              <input type="date" {...register("day")} />
            </Field>
            <Field label="Time">
              <input type="time" {...register("clock")} />
            </Field>
          </>
        ) : (
          <>
            <Field label="From">
              <input type="date" {...register("from")} />
            </Field>
            <Field label="To">
              <input type="date" {...register("to")} />
            </Field>
            <Field label="Times" hint="Cinema time, comma-separated: 18:00, 21:30">
              <input {...register("times")} />
            </Field>
          </>
        )}
        <Field label="Language" hint="The movie's first when blank">
          <input {...register("language")} />
        </Field>
        <Field label="Format" hint="The movie's first when blank">
          <input {...register("format")} />
        </Field>
      </div>
      {screen?.layout ? (
        <fieldset className={styles.fieldset}>
          <legend>Prices per category</legend>
          <div className={styles.formGrid}>
            {screen.layout.categories.map((c) => (
              <Field key={c.code} label={`${c.name} price (₹)`}>
                <input inputMode="decimal" placeholder="250.00" {...register(`prices.${c.code}`)} />
              </Field>
            ))}
          </div>
        </fieldset>
      ) : null}
      <label className={styles.check}>
        <input type="checkbox" {...register("orphanRule")} /> Keep seats together (no single empty seat left by a
        customer's pick)
      </label>
      <ProblemList problems={problems} />
      <FormError error={schedule.error} />
      <ProblemList problems={clashes.map(clashWords)} label="Clashing shows" />
      {schedule.data ? (
        <p role="status" className={styles.ok}>
          Scheduled {schedule.data.shows.length} show{schedule.data.shows.length === 1 ? "" : "s"}.
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={schedule.isPending}>
          Schedule
        </button>
      </div>
    </form>
  );
}
