/**
 * A raw RFC 5322 message, as the `send_email` binding takes it: UTF-8 headers as RFC 2047 encoded
 * words, every body part base64 in lines of 76 (RFC 2045), CRLF line ends. The text and HTML are
 * multipart/alternative; inline images (shown by `cid:`) wrap that in multipart/related.
 *
 * Written here rather than taken from a MIME library: the one this replaced (mimetext) brought
 * core-js polyfills that cost every cold isolate more startup CPU than the rest of the app's
 * email code altogether, and a booking email needs only this.
 */

export interface MimePart {
  contentType: string;
  filename?: string;
  /** An inline part, named in the HTML as `cid:<contentId>`. */
  contentId?: string;
  content: string | Uint8Array;
}

export interface MimeMessage {
  from: { name: string; address: string };
  to: { name?: string; address: string };
  subject: string;
  text: string;
  html: string;
  inline?: MimePart[];
  /** For tests; `new Date()` otherwise. */
  date?: Date;
}

const CRLF = "\r\n";
const utf8 = new TextEncoder();

/** Bytes → base64, in lines of at most 76 characters when `lineLength` is given. */
export function base64(value: string | Uint8Array, lineLength?: number): string {
  const bytes = typeof value === "string" ? utf8.encode(value) : value;
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const encoded = btoa(binary);
  if (!lineLength) return encoded;
  return (encoded.match(new RegExp(`.{1,${lineLength}}`, "g")) ?? []).join(CRLF);
}

/**
 * A header value as RFC 2047 `=?utf-8?B?…?=` words of at most 75 characters each (folded onto
 * continuation lines), splitting only between characters.
 */
export function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const char of value) {
    // 45 UTF-8 bytes make 60 base64 characters: with `=?utf-8?B?` and `?=`, a 72-character word.
    if (utf8.encode(chunk + char).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((word) => `=?utf-8?B?${base64(word)}?=`).join(`${CRLF} `);
}

const mailbox = (address: string, name?: string) => `${name ? `${encodedWords(name)} ` : ""}<${address}>`;

/** A token no body part can contain (its base64 alphabet has no `_` or `.`). */
const boundary = () => `=_${crypto.randomUUID().replace(/-/g, "")}.${Date.now().toString(36)}`;

/** RFC 5322 date, e.g. `Tue, 01 Dec 2026 11:33:35 +0000`. */
const rfc5322Date = (date: Date) => date.toUTCString().replace(/GMT$/, "+0000");

function multipart(type: string, parts: string[]): string {
  const mark = boundary();
  return [
    `Content-Type: multipart/${type}; boundary="${mark}"`,
    "",
    ...parts.map((part) => `--${mark}${CRLF}${part}${CRLF}`),
    `--${mark}--`,
  ].join(CRLF);
}

const textPart = (contentType: string, content: string) =>
  [`Content-Type: ${contentType}; charset=UTF-8`, "Content-Transfer-Encoding: base64", "", base64(content, 76)].join(
    CRLF,
  );

function inlinePart(part: MimePart): string {
  const name = (part.filename ?? "part").replace(/["\\\r\n]/g, "_");
  return [
    ...(part.contentId ? [`Content-ID: <${part.contentId}>`] : []),
    `Content-Type: ${part.contentType}; name="${name}"`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: inline; filename="${name}"`,
    "",
    base64(part.content, 76),
  ].join(CRLF);
}

/** The raw message and the Message-ID it carries (without the angle brackets). */
export function mimeMessage(message: MimeMessage): { raw: string; messageId: string } {
  const domain = message.from.address.split("@")[1] ?? "localhost";
  const messageId = `${crypto.randomUUID()}@${domain}`;
  const alternative = multipart("alternative", [
    textPart("text/plain", message.text),
    textPart("text/html", message.html),
  ]);
  const body = message.inline?.length
    ? multipart("related", [alternative, ...message.inline.map(inlinePart)])
    : alternative;
  const headers = [
    `Date: ${rfc5322Date(message.date ?? new Date())}`,
    `From: ${mailbox(message.from.address, message.from.name)}`,
    `To: ${mailbox(message.to.address, message.to.name)}`,
    `Message-ID: <${messageId}>`,
    `Subject: ${encodedWords(message.subject.replace(/[\r\n]+/g, " "))}`,
    "MIME-Version: 1.0",
  ];
  return { raw: `${headers.join(CRLF)}${CRLF}${body}${CRLF}`, messageId };
}
