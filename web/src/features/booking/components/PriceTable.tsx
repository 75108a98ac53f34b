import { formatPrice } from "../../../lib/format-show";
import styles from "./PriceTable.module.css";

/** One seat category's row: "Gold · 2 × ₹250", its seats, and what they cost. */
export interface PricedSeats {
  key: string;
  name: string;
  quantity: number;
  unitPrice: string;
  seatIds: string[];
  amount: string;
}

interface PriceTableProps {
  /** For screen readers: what the table is, and what its two columns hold. */
  caption: string;
  columns: [string, string];
  lines: PricedSeats[];
  /** Rows after the seats (e.g. the convenience fee), already in words. */
  extras?: { name: string; amount: string }[];
  total: string;
  testId?: string;
}

/** Priced lines (the checkout summary, the receipt): a row per seat category, any extras, the total. */
export function PriceTable({ caption, columns, lines, extras = [], total, testId }: PriceTableProps) {
  return (
    <table className={styles.table} data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <th scope="row">
              <span className={styles.item}>
                {line.name} · {line.quantity} × {formatPrice(line.unitPrice)}
              </span>
              <span className={styles.seatIds}>{line.seatIds.join(", ")}</span>
            </th>
            <td>{formatPrice(line.amount)}</td>
          </tr>
        ))}
        {extras.map((extra) => (
          <tr key={extra.name}>
            <th scope="row">
              <span className={styles.item}>{extra.name}</span>
            </th>
            <td>{extra.amount}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className={styles.total}>{formatPrice(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
