/**
 * The one layout every booking email has, as plain text and as table-based HTML that mail clients
 * render alike. Every interpolated value passes through escapeHtml.
 */

/** Text that goes into HTML: every interpolated value passes through here. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Headers are one line: a CR/LF in a title or name must never become a header break. */
export const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, " ").trim();

export interface Row {
  label: string;
  value: string;
  /** Shown large and monospaced (the ticket code). */
  strong?: boolean;
}

export interface Layout {
  subject: string;
  /** Hidden preview line most mail clients show next to the subject. */
  preheader: string;
  greeting: string;
  headline: string;
  banner?: { label: string; value: string; note: string; qrCid?: string };
  rows: Row[];
  paragraphs: string[];
}

export function textOf(layout: Layout): string {
  const width = Math.max(...layout.rows.map((r) => r.label.length)) + 2;
  const lines = [layout.greeting, "", layout.headline, ""];
  if (layout.banner) {
    lines.push(`${layout.banner.label.toUpperCase()}: ${layout.banner.value}`, layout.banner.note, "");
  }
  for (const row of layout.rows) lines.push(`${`${row.label}:`.padEnd(width)}${row.value}`);
  lines.push("");
  for (const p of layout.paragraphs) lines.push(p, "");
  lines.push("— Housefull", "");
  return lines.join("\n");
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";

export function htmlOf(layout: Layout): string {
  const e = escapeHtml;
  const rows = layout.rows
    .map(
      (r) =>
        `<tr><td style="${FONT}padding:6px 12px 6px 0;color:#666666;font-size:14px;vertical-align:top;white-space:nowrap;">${e(r.label)}</td>` +
        `<td style="${FONT}padding:6px 0;color:#111111;font-size:14px;vertical-align:top;">${e(r.value)}</td></tr>`,
    )
    .join("\n");
  const banner = layout.banner
    ? `<tr><td style="padding:0 24px 16px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border:2px dashed #e23744;border-radius:6px;">
<tr><td align="center" style="${FONT}padding:16px;">
${layout.banner.qrCid ? `<img src="cid:${e(layout.banner.qrCid)}" width="240" height="240" alt="QR code of your ticket" style="display:block;width:240px;height:240px;border:0;margin:0 auto 8px auto;">` : ""}
<div style="${FONT}font-size:12px;letter-spacing:2px;text-transform:uppercase;color:#666666;">${e(layout.banner.label)}</div>
<div style="font-family:'Courier New',Courier,monospace;font-size:30px;font-weight:bold;letter-spacing:3px;color:#111111;padding:6px 0;">${e(layout.banner.value)}</div>
<div style="${FONT}font-size:13px;color:#666666;">${e(layout.banner.note)}</div>
</td></tr>
</table>
</td></tr>`
    : "";
  const paragraphs = layout.paragraphs
    .map((p) => `<p style="${FONT}margin:0 0 12px 0;font-size:14px;line-height:20px;color:#333333;">${e(p)}</p>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(layout.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f4;">
<div style="display:none;max-height:0;overflow:hidden;">${e(layout.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f4;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;">
<tr><td style="${FONT}padding:20px 24px;background-color:#e23744;color:#ffffff;font-size:22px;font-weight:bold;border-radius:8px 8px 0 0;">Housefull</td></tr>
<tr><td style="${FONT}padding:24px 24px 8px 24px;font-size:16px;color:#111111;">${e(layout.greeting)}</td></tr>
<tr><td style="${FONT}padding:0 24px 16px 24px;font-size:20px;font-weight:bold;color:#111111;">${e(layout.headline)}</td></tr>
${banner}
<tr><td style="padding:0 24px 16px 24px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${rows}
</table>
</td></tr>
<tr><td style="padding:0 24px 16px 24px;">
${paragraphs}
</td></tr>
<tr><td style="${FONT}padding:16px 24px;font-size:12px;color:#999999;border-top:1px solid #eeeeee;">Housefull · This email was sent because of a booking made with this address.</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
