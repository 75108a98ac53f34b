import type { ReactNode } from "react";
import { Link } from "../router";
import { ChevronLeftIcon, ChevronRightIcon } from "./Icons";
import styles from "./Pagination.module.css";

interface PaginationProps {
  page: number;
  totalPages: number;
  /** The link (search string) to a page, keeping the other filters. */
  hrefOf: (page: number) => string;
}

/** Previous / numbered pages / Next, as real links (shareable, open in a new tab). */
export function Pagination({ page, totalPages, hrefOf }: PaginationProps) {
  if (totalPages <= 1) return null;
  const items = pageItems(page, totalPages);
  return (
    <nav className={styles.pagination} aria-label="Pages">
      <PageLink to={page > 1 ? hrefOf(page - 1) : null} className={styles.step} label="Previous page">
        <ChevronLeftIcon size={18} />
        <span className={styles.stepText}>Previous</span>
      </PageLink>
      <ol className={styles.pages}>
        {items.map((item, index) =>
          item === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: at most two gaps, in stable positions
            <li key={`gap-${index}`} className={styles.gap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                to={hrefOf(item)}
                className={styles.page}
                aria-current={item === page ? "page" : undefined}
                aria-label={`Page ${item}`}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ol>
      <p className={styles.compact}>
        Page {page} of {totalPages}
      </p>
      <PageLink to={page < totalPages ? hrefOf(page + 1) : null} className={styles.step} label="Next page">
        <span className={styles.stepText}>Next</span>
        <ChevronRightIcon size={18} />
      </PageLink>
    </nav>
  );
}

function PageLink({
  to,
  className,
  label,
  children,
}: {
  to: string | null;
  className: string | undefined;
  label: string;
  children: ReactNode;
}) {
  if (to === null) {
    return (
      // Keeps the layout steady; there is nothing to announce about a step that goes nowhere.
      <span className={className} data-disabled="" aria-hidden="true">
        {children}
      </span>
    );
  }
  return (
    <Link to={to} className={className} aria-label={label}>
      {children}
    </Link>
  );
}

/** 1 … 4 5 6 … 20: first, last, and the current page's neighbours. */
export function pageItems(page: number, totalPages: number): (number | "gap")[] {
  const pages = new Set([1, totalPages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= totalPages));
  const sorted = [...pages].sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  for (const p of sorted) {
    const last = items[items.length - 1];
    if (typeof last === "number" && p - last === 2) items.push(last + 1);
    else if (typeof last === "number" && p - last > 2) items.push("gap");
    items.push(p);
  }
  return items;
}
