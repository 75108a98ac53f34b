import { qrModules } from "./qr";

export interface SavedTicketText {
  code: string;
  title: string;
  lines: string[];
}

/**
 * The ticket as a PNG file the phone keeps (Downloads, Photos): its QR code, short code and show
 * lines, drawn on a canvas here, so saving works with no network at all.
 */
export async function saveTicketImage(token: string, text: SavedTicketText): Promise<void> {
  const modules = qrModules(token);
  const scale = 8;
  const qrSize = modules.length * scale;
  const width = Math.max(qrSize, 480);
  const lineHeight = 30;
  const height = qrSize + 70 + lineHeight * (text.lines.length + 1);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#000";
  const left = Math.floor((width - qrSize) / 2);
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) ctx.fillRect(left + x * scale, y * scale, scale, scale);
    });
  });
  ctx.textAlign = "center";
  ctx.font = "bold 28px ui-monospace, monospace";
  ctx.fillText(text.code, width / 2, qrSize + 36);
  ctx.font = "bold 20px system-ui, sans-serif";
  ctx.fillText(text.title, width / 2, qrSize + 36 + lineHeight + 8);
  ctx.font = "18px system-ui, sans-serif";
  text.lines.forEach((line, i) => {
    ctx.fillText(line, width / 2, qrSize + 36 + lineHeight * (i + 2) + 8);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("the ticket image could not be made");
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `ticket-${text.code}.png`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
