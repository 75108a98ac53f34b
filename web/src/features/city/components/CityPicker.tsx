import { useId, useState } from "react";
import { CloseIcon, PinIcon } from "../../../components/Icons";
import { useModalDialog } from "../../../lib/hooks";
import { useCity } from "../hooks/use-city";
import styles from "./City.module.css";
import { CityList } from "./CityList";

/** The header's city: shows the choice, and opens the list (a modal dialog) to change it. */
export function CityPicker() {
  const { city } = useCity();
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    <>
      <button
        type="button"
        className={styles.trigger}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        // Without a city the visible words are the name (axe: a label must contain what it reads).
        aria-label={city ? `City: ${city}. Change city` : undefined}
      >
        <PinIcon size={16} />
        <span className={styles.triggerText}>{city ?? "Choose city"}</span>
      </button>
      <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <div className={styles.dialogHead}>
          <h2 id={titleId} className={styles.title}>
            Choose your city
          </h2>
          <button type="button" className={styles.close} onClick={() => setOpen(false)} aria-label="Close">
            <CloseIcon size={18} />
          </button>
        </div>
        {open ? <CityList onChosen={() => setOpen(false)} /> : null}
      </dialog>
    </>
  );
}
