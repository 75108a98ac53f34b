import type { SelectHTMLAttributes } from "react";
import { useAdminTheatres } from "../hooks/queries";
import { Choices } from "./Choices";

type TheatreSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> & {
  value: string;
  onChange: (theatreId: string) => void;
};

/** A filter over the caller's theatres ("All of mine" is no filter); the id and ARIA ties come from its Field. */
export function TheatreSelect({ value, onChange, ...rest }: TheatreSelectProps) {
  const theatres = useAdminTheatres();
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <Choices blank="All of mine" items={theatres.data?.theatres} />
    </select>
  );
}
