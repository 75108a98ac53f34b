/** A back office table's header row: one column heading each (an empty one for a column of buttons). */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {/* A table's headings are distinct; the one empty heading is its column of buttons. */}
        {columns.map((column) => (
          <th key={column || "actions"}>{column}</th>
        ))}
      </tr>
    </thead>
  );
}
