import { useEffect } from "react";

/** Sets `document.title` to "<title> · housefull" while the component is mounted. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · housefull` : "housefull · Movie tickets";
  }, [title]);
}
