import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  escapeXml,
  posterPaletteFor,
  renderPosterSvg,
  titleWidth,
  wrapLines,
  wrapText,
} from "../../src/catalog/poster";

// ---------------------------------------------------------------------------------------------
// A tiny, strict XML reader (enough for SVG): elements, attributes, text, comments. It throws on
// anything that is not well-formed: unbalanced or crossed tags, raw `<` or bare `&` in text or
// attribute values, unknown entities, duplicate attributes, several roots.
// ---------------------------------------------------------------------------------------------

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes("<")) throw new Error(`raw < in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    if (!match.endsWith(";")) throw new Error(`bare & in ${where}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (num) return String.fromCodePoint(Number.parseInt(num[1] ?? num[2]!, num[1] ? 16 : 10));
    throw new Error(`unknown entity &${name}; in ${where}`);
  });
}

function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const text = (value: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (value.trim()) throw new Error("text outside the root element");
      return;
    }
    parent.children.push(decode(value, `<${parent.name}>`));
  };
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt === -1) {
      text(xml.slice(i));
      break;
    }
    if (lt > i) text(xml.slice(i, lt));
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end === -1 || root || stack.length) throw new Error("bad processing instruction");
      i = end + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end === -1) throw new Error("unterminated comment");
      i = end + 3;
    } else if (xml.startsWith("</", lt)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(lt));
      if (!m) throw new Error(`bad end tag at ${lt}`);
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`</${m[1]}> closes <${open?.name}>`);
      i = lt + m[0].length;
    } else {
      let j = lt + 1;
      const nm = NAME.exec(xml.slice(j));
      if (!nm) throw new Error(`bad tag name at ${lt}`);
      const el: XmlElement = { name: nm[0], attrs: {}, children: [] };
      j += nm[0].length;
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(j))![0];
        j += ws.length;
        if (xml.startsWith("/>", j) || xml.startsWith(">", j)) break;
        if (!ws) throw new Error(`missing space before attribute in <${el.name}>`);
        const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(j));
        if (!attr) throw new Error(`bad attribute in <${el.name}> at ${j}: ${xml.slice(j, j + 30)}`);
        if (attr[1]! in el.attrs) throw new Error(`duplicate attribute ${attr[1]} in <${el.name}>`);
        el.attrs[attr[1]!] = decode(attr[3] ?? attr[4]!, `${el.name}@${attr[1]}`);
        j += attr[0].length;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) throw new Error("more than one root element");
      else root = el;
      if (xml.startsWith("/>", j)) i = j + 2;
      else {
        stack.push(el);
        i = j + 1;
      }
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) if (typeof c !== "string") yield* walk(c);
}
const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
const find = (root: XmlElement, pred: (e: XmlElement) => boolean) => [...walk(root)].filter(pred);

/** The title <text>: the one drawn at the largest size. */
function titleLines(root: XmlElement): { size: number; lines: string[] } {
  const texts = find(root, (e) => e.name === "text");
  const title = texts.reduce((a, b) => (Number(b.attrs["font-size"]) > Number(a.attrs["font-size"]) ? b : a));
  const tspans = title.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === "tspan");
  return { size: Number(title.attrs["font-size"]), lines: tspans.map(textOf) };
}

const base = { genres: ["Action", "Thriller"], language: "Hindi", ageRating: "UA13+" };

describe("the XML checker itself", () => {
  it("accepts well-formed and rejects malformed documents", () => {
    expect(parseXml(`<a x="1"><b>t &amp; u</b><c/></a>`).children).toHaveLength(2);
    for (const bad of [
      `<a><b></a></b>`,
      `<a>x < y</a>`,
      `<a>Tom & Jerry</a>`,
      `<a x="<">`,
      `<a></a><b/>`,
      `<a>`,
      `<a x="1" x="2"/>`,
      `<a>&nbsp;</a>`,
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

describe("renderPosterSvg", () => {
  it("renders a well-formed 2:3 SVG root with a viewBox", () => {
    const svg = renderPosterSvg({ title: "Monsoon Protocol", tagline: "The storm was only the distraction.", ...base });
    const root = parseXml(svg);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(root.name).toBe("svg");
    expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    const [x, y, w, h] = root.attrs.viewBox!.split(" ").map(Number);
    expect([x, y]).toEqual([0, 0]);
    expect(w! / h!).toBeCloseTo(2 / 3);
    expect(textOf(find(root, (e) => e.name === "title")[0]!)).toBe("Monsoon Protocol");
    expect(titleLines(root).lines.join(" ")).toBe("MONSOON PROTOCOL");
    // Gradient background from the palette, and every url(#id) points at a defined id.
    const ids = new Set(find(root, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id));
    const [top, bottom] = posterPaletteFor("Monsoon Protocol");
    const stops = find(root, (e) => e.name === "stop").map((e) => e.attrs["stop-color"]);
    expect(stops).toContain(top);
    expect(stops).toContain(bottom);
    for (const ref of svg.matchAll(/url\(#([\w-]+)\)/g)) expect(ids.has(ref[1]!)).toBe(true);
  });

  it("escapes XML special characters in the title, tagline and badges", () => {
    const title = `Tom & Jerry's <"Big"> Day`;
    const tagline = `Cats > dogs & "mice" < 'everyone'`;
    const svg = renderPosterSvg({
      title,
      tagline,
      genres: ["R&D", "<Script>"],
      language: `"Hin'di"`,
      ageRating: "A&<",
    });
    const root = parseXml(svg); // throws if anything leaked unescaped
    expect(svg).not.toContain("<Script>");
    expect(svg).not.toContain("Tom & Jerry");
    expect(textOf(find(root, (e) => e.name === "title")[0]!)).toBe(title);
    expect(root.attrs["aria-label"]).toBe(`${title} — ${tagline}`);
    expect(titleLines(root).lines.join(" ")).toBe(title.toUpperCase());
    const allText = find(root, (e) => e.name === "text")
      .map(textOf)
      .join("|");
    expect(allText).toContain(tagline);
    for (const badge of ["R&D", "<SCRIPT>", `"HIN'DI"`, "A&<"]) expect(allText).toContain(badge);
  });

  it("escapeXml covers &<>\"' and drops characters XML forbids", () => {
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&apos;");
    expect(escapeXml("a\u0000b\u0007c\u001fd\ttab")).toBe("abcd\ttab");
    const svg = renderPosterSvg({ title: "Nul\u0000l \ud800Byte", genres: [] });
    expect(() => parseXml(svg)).not.toThrow();
    expect([...svg].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || /\p{Cs}/u.test(ch))).toBe(false);
  });

  it("wraps long titles over several lines that fit the poster", () => {
    const root = parseXml(renderPosterSvg({ title: "The Lantern at Kestrel Point", ...base }));
    const { size, lines } = titleLines(root);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.join(" ")).toBe("THE LANTERN AT KESTREL POINT");
    for (const line of lines) expect(titleWidth(line, size)).toBeLessThanOrEqual(340);
  });

  it("keeps short titles on one big line and never splits a word that fits", () => {
    expect(titleLines(parseXml(renderPosterSvg({ title: "Ra", ...base }))).lines).toEqual(["RA"]);
    const { lines } = titleLines(parseXml(renderPosterSvg({ title: "Kondaveedu Rising", ...base })));
    expect(lines).toEqual(["KONDAVEEDU", "RISING"]);
  });

  it("truncates absurdly long titles to three lines with an ellipsis", () => {
    const title = `${"Supercalifragilisticexpialidocious ".repeat(6)}Finale`;
    const root = parseXml(renderPosterSvg({ title, ...base }));
    const { size, lines } = titleLines(root);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith("…")).toBe(true);
    for (const line of lines) expect(titleWidth(line, size)).toBeLessThanOrEqual(340);
    // The full title is still in <title> for screen readers.
    expect(textOf(find(root, (e) => e.name === "title")[0]!)).toBe(title);
  });

  it("shows age, language and genre badges, and omits the tagline when there is none", () => {
    const root = parseXml(
      renderPosterSvg({ title: "Quiet Comet", genres: ["Animation", "Family"], language: "English", ageRating: "U" }),
    );
    const texts = find(root, (e) => e.name === "text").map(textOf);
    for (const badge of ["U", "ENGLISH", "ANIMATION", "FAMILY"]) expect(texts).toContain(badge);
    expect(find(root, (e) => e.name === "text" && e.attrs["font-style"] === "italic")).toHaveLength(0);
    // Missing optional fields are fine.
    expect(() => parseXml(renderPosterSvg({ title: "", genres: [] }))).not.toThrow();
  });

  it("is deterministic, uses a given palette and ignores colours that are not hex", () => {
    const input = { title: "Orbital Drift", genres: ["Sci-Fi"] };
    expect(renderPosterSvg(input)).toBe(renderPosterSvg({ ...input }));
    const custom = renderPosterSvg({ ...input, palette: ["#123456", "#abcdef"] });
    expect(custom).toContain('stop-color="#123456"');
    expect(custom).toContain('stop-color="#abcdef"');
    const hostile = renderPosterSvg({ ...input, palette: ['red"/><script>alert(1)</script>', "#000"] });
    expect(() => parseXml(hostile)).not.toThrow();
    expect(hostile).not.toContain("script");
    expect(hostile).toContain(`stop-color="${posterPaletteFor("Orbital Drift")[0]}"`);
  });

  it("draws different art for different genres", () => {
    const art = (genres: string[]) => renderPosterSvg({ title: "Same Title", genres });
    const variants = new Set(
      [["Sci-Fi"], ["Horror"], ["Action"], ["Romance"], ["Comedy"], ["Historical"], ["Mystery"]].map(art),
    );
    expect(variants.size).toBe(7);
  });

  it("is pure: no imports but its own modules, no Node or DOM APIs", () => {
    for (const file of ["poster.ts", "poster-art.ts", "poster-text.ts"]) {
      const source = readFileSync(fileURLToPath(new URL(`../../src/catalog/${file}`, import.meta.url)), "utf8");
      const imports = [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
      expect(
        imports.every((from) => from === "./poster-art" || from === "./poster-text"),
        file,
      ).toBe(true);
      expect(source).not.toMatch(/\b(require|process|Buffer|document|window|fetch)\b\s*[.(]/);
    }
  });
});

describe("posterPaletteFor", () => {
  it("returns two hex colours, stable per title, varied across titles", () => {
    const titles = [
      "Monsoon Protocol",
      "Orbital Drift",
      "Chai & Chaos",
      "Marina Mirage",
      "Hampi Echoes",
      "Vizag Letters",
      "Kothi No. 9",
    ];
    for (const t of titles) {
      const p = posterPaletteFor(t);
      expect(p).toHaveLength(2);
      for (const c of p) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(posterPaletteFor(t)).toEqual(p);
    }
    expect(new Set(titles.map((t) => posterPaletteFor(t).join())).size).toBeGreaterThanOrEqual(4);
  });
});

describe("wrapping helpers", () => {
  it("wrapText wraps by characters and marks truncation", () => {
    expect(wrapText("one two three four", 9, 3)).toEqual(["one two", "three", "four"]);
    expect(wrapText("one two three four", 9, 2)).toEqual(["one two", "three…"]);
    expect(wrapText("abcdefghij", 4, 3)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("   ", 10, 2)).toEqual([]);
  });

  it("wrapLines respects any fit predicate", () => {
    const fits = (line: string) => line.length <= 5;
    for (const line of wrapLines("aa bb cc dd ee ff gg", fits, 10)) expect(fits(line)).toBe(true);
  });
});
