import { useEffect } from "react";

/**
 * "<title> · back office · housefull" while the page is shown. The back office's own (not lib/hooks'): sharing
 * that module with this chunk moved it into the movies page's entry chunk.
 */
export function useAdminTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · back office · housefull`;
  }, [title]);
}
