import { type RefObject, useEffect, useRef } from "react";

/** Sets `document.title` to "<title> · housefull" while the component is mounted. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · housefull` : "housefull · Movie tickets";
  }, [title]);
}

/** A <dialog> shown as a modal while `open` (the browser's own focus trap, Escape and backdrop). */
export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
