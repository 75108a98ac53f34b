import fc from "fast-check";

/**
 * Characters that break naive code: bidi overrides, NUL and controls, lone surrogates, emoji,
 * combining marks, line separators, quotes, wildcards, markup and injection attempts, look-alikes.
 * One list for the body and the parameter fuzzers, so a case found for one is tried by both.
 */
export const ODD = [
  "\u202E",
  "\u202D",
  "\u2066",
  "\u200F",
  "\u0000",
  "\u0007",
  "\u001F",
  "\uD800",
  "\uDFFF",
  "\uDBFF\uDFFF",
  "😀",
  "👨‍👩‍👧",
  "e\u0301",
  "\u0301\u0301\u0301",
  "\uFEFF",
  "\u200B",
  "\uFFFE",
  "\u0085",
  "\u2028",
  "\r\n",
  "\t",
  " ",
  "'",
  '"',
  "\\",
  "%",
  "%00",
  "_",
  "*",
  "../",
  "<script>alert(1)</script>",
  "<svg onload=alert(1)>",
  "{{7*7}}",
  "' OR '1'='1",
  "İ",
  "Ａ",
  "Ａ１",
  "١٢",
];

/** Arbitrary binary text, runs of ODD, or ODD inside ordinary text. */
export const oddString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 24 }),
  fc.array(fc.constantFrom(...ODD), { minLength: 1, maxLength: 4 }).map((a) => a.join("")),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...ODD), fc.string({ maxLength: 8 })).map((p) => p.join("")),
);
