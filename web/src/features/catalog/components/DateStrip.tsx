import { useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "../../../router";
import { type ShowsWhere, showsOfDayQuery } from "../api/shows";
import type { CalendarDay } from "../lib/days";
import styles from "./DateStrip.module.css";

interface DateStripProps {
  movieId: string;
  days: CalendarDay[];
  selected: string;
  where: ShowsWhere;
}

/** The next days as a row of date links (`?date=`), today first. */
export function DateStrip({ movieId, days, selected, where }: DateStripProps) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();

  const hrefOf = (index: number, iso: string) => {
    const next = new URLSearchParams(params);
    if (index === 0) next.delete("date");
    else next.set("date", iso);
    const search = next.toString();
    return search ? `?${search}` : "?";
  };

  return (
    <nav aria-label="Show dates" className={styles.nav}>
      <ul className={styles.strip}>
        {days.map((day, index) => {
          const current = day.iso === selected;
          const prefetch = () => void queryClient.prefetchQuery(showsOfDayQuery(movieId, day.iso, where));
          return (
            <li key={day.iso}>
              <Link
                to={hrefOf(index, day.iso)}
                replace
                className={styles.day}
                aria-current={current ? "date" : undefined}
                title={day.fullLabel}
                onPointerEnter={prefetch}
                onFocus={prefetch}
              >
                {/* The name is the visible text ("Tomorrow 2 Dec"): voice control users say what they see. */}
                <span className={styles.weekday}>{day.label}</span>
                <span className={styles.date}>{day.dayOfMonth}</span>
                <span className={styles.month}>{day.month}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
