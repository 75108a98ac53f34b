/** What a catalog page says when the API does not know its movie or show: gone, or a wrong link. */
export const missingFromCatalog = (thing: "that movie" | "this show", gone: string) => ({
  title: `We couldn't find ${thing}`,
  description: `It may have ${gone}, or the link is wrong.`,
  action: { to: "/", label: "Browse movies" },
});
