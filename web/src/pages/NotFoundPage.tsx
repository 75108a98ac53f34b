import { EmptyState } from "../components/StatusViews";
import { useDocumentTitle } from "../lib/hooks";

export function NotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <div className="container">
      <EmptyState
        level={1}
        title="This page isn't showing anywhere"
        description="The link may be old or mistyped. The movies are still on, though."
        action={{ to: "/", label: "Browse movies" }}
      />
    </div>
  );
}
