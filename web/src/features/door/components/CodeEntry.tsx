import { useState } from "react";
import styles from "./Scanner.module.css";

/** For a QR code the camera cannot read: type the short code, or paste a ticket token. */
export function CodeEntry({ onSubmit }: { onSubmit: (text: string) => void }) {
  const [text, setText] = useState("");
  return (
    <form
      className={styles.entry}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSubmit(text);
        setText("");
      }}
    >
      <label htmlFor="door-code" className={styles.entryLabel}>
        Ticket code
      </label>
      <div className={styles.entryRow}>
        <input
          id="door-code"
          className={styles.entryInput}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="BMS… or a pasted ticket"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
        />
        <button type="submit" className="btn btn-primary">
          Check
        </button>
      </div>
    </form>
  );
}
