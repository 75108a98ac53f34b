import type { SeatCategory } from "@housefull/shared";
import styles from "./Admin.module.css";

interface CategoryPanelProps {
  categories: SeatCategory[];
  onChange: (index: number, change: Partial<SeatCategory>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** The layout's price categories: code, name and surcharge over the show's base price. */
export function CategoryPanel({ categories, onChange, onAdd, onRemove }: CategoryPanelProps) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Categories</legend>
      <ul className={styles.categoryList}>
        {categories.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a category's code is being edited, its place is its identity
          <li key={i} className={styles.categoryItem} data-tone={i % 4}>
            <label>
              Code
              <input
                aria-label={`Category ${i + 1} code`}
                value={c.code}
                onChange={(e) => onChange(i, { code: e.target.value.toUpperCase() })}
              />
            </label>
            <label>
              Name
              <input
                aria-label={`Category ${i + 1} name`}
                value={c.name}
                onChange={(e) => onChange(i, { name: e.target.value })}
              />
            </label>
            <label>
              Surcharge ₹
              <input
                aria-label={`Category ${i + 1} surcharge`}
                value={c.surcharge}
                inputMode="decimal"
                onChange={(e) => onChange(i, { surcharge: e.target.value })}
              />
            </label>
            <button type="button" className="btn btn-link" onClick={() => onRemove(i)} disabled={categories.length < 2}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-secondary" onClick={onAdd}>
        Add category
      </button>
    </fieldset>
  );
}
