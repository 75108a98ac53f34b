/**
 * A select's options: the blank first choice (what an empty value means here), then one option per
 * item by id. The select itself stays the caller's (react-hook-form's register, or a controlled filter).
 */
export function Choices({ blank, items }: { blank: string; items: { id: string; name: string }[] | undefined }) {
  return (
    <>
      <option value="">{blank}</option>
      {items?.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </>
  );
}
