import { type AdminMovie, type MovieFields, movieFields } from "@housefull/shared";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { zodResolver } from "../../../lib/zod-resolver";
import { useSaveMovie } from "../hooks/mutations";
import styles from "./Admin.module.css";
import { AdminForm, Field, FormEnd } from "./Field";

/** Lists are typed as "Drama, Thriller"; the API's `movieFields` checks what they become. */
const list = z.pipe(
  z.string(),
  z.transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  ),
);
const blankToNull = z.optional(
  z.pipe(
    z.string(),
    z.transform((s) => (s.trim() === "" ? null : s.trim())),
  ),
);
const movieForm = z.pipe(
  z.object({
    title: z.string(),
    synopsis: blankToNull,
    genres: list,
    languages: list,
    formats: list,
    runtimeMins: z.number(),
    ageRating: blankToNull,
    rating: blankToNull,
    releaseDate: blankToNull,
  }),
  movieFields,
);
type MovieFormValues = z.input<typeof movieForm>;

const valuesOf = (m?: AdminMovie): MovieFormValues => ({
  title: m?.title ?? "",
  synopsis: m?.synopsis ?? "",
  genres: m?.genres.join(", ") ?? "",
  languages: m?.languages.join(", ") ?? "",
  formats: m?.formats.join(", ") ?? "2D",
  runtimeMins: m?.runtimeMins ?? 120,
  ageRating: m?.ageRating ?? "",
  rating: m?.rating ?? "",
  releaseDate: m?.releaseDate ?? "",
});

/** A movie's details (the API's `movieFields`): create, or change what is there. */
export function MovieForm({ movie, onSaved }: { movie?: AdminMovie; onSaved: (movie: AdminMovie) => void }) {
  const save = useSaveMovie();
  const { register, handleSubmit, formState } = useForm<MovieFormValues, unknown, MovieFields>({
    resolver: zodResolver(movieForm),
    defaultValues: valuesOf(movie),
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (fields) => onSaved(await save.mutateAsync({ movieId: movie?.id, fields })));
  return (
    <AdminForm label={movie ? `Edit ${movie.title}` : "New movie"} onSubmit={onSubmit}>
      <div className={styles.formGrid}>
        <Field label="Title" error={e.title?.message}>
          <input {...register("title")} />
        </Field>
        <Field label="Genres" hint="Comma-separated" error={e.genres?.message}>
          <input {...register("genres")} />
        </Field>
        <Field label="Languages" hint="The first is the main one" error={e.languages?.message}>
          <input {...register("languages")} />
        </Field>
        <Field label="Formats" hint="2D, 3D, IMAX…" error={e.formats?.message}>
          <input {...register("formats")} />
        </Field>
        <Field label="Runtime (minutes)" error={e.runtimeMins?.message}>
          <input type="number" {...register("runtimeMins", { valueAsNumber: true })} />
        </Field>
        <Field label="Age rating" error={e.ageRating?.message}>
          <input {...register("ageRating")} />
        </Field>
        <Field label="Rating (out of 10)" error={e.rating?.message}>
          <input {...register("rating")} inputMode="decimal" />
        </Field>
        <Field label="Release date" error={e.releaseDate?.message}>
          <input type="date" {...register("releaseDate")} />
        </Field>
      </div>
      <Field label="Synopsis" error={e.synopsis?.message}>
        <textarea rows={3} {...register("synopsis")} />
      </Field>
      <FormEnd error={save.error} busy={save.isPending} submit={movie ? "Save movie" : "Create movie"} />
    </AdminForm>
  );
}
