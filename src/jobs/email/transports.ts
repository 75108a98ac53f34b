import { EmailMessage as CloudflareEmailMessage } from "cloudflare:email";
import type { Config } from "../../env";
import { base64, mimeMessage } from "./mime";

export interface OutgoingEmail {
  from: string;
  to: string;
  toName?: string;
  subject: string;
  text: string;
  html: string;
  /** Images shown in the HTML by `cid:` (the ticket's QR code), sent as inline parts. */
  inlineImages?: { cid: string; filename: string; contentType: string; content: Uint8Array }[];
  /** Stable per logical email (order + kind), for providers that deduplicate retried requests. */
  idempotencyKey?: string;
}

/** Where booking emails leave the worker. Tests substitute their own; the consumer picks one per batch. */
export interface EmailTransport {
  name: string;
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
}

/** The provider may accept the same email later (timeout, 5xx, 429, network): retry the message. */
export class TransientEmailError extends Error {
  override name = "TransientEmailError";
}

/** The provider will never accept this email (bad address, rejected request): retrying cannot help. */
export class PermanentEmailError extends Error {
  override name = "PermanentEmailError";
}

/** The worker's email settings are missing or wrong: nothing can be sent until it is redeployed. */
export class EmailConfigError extends Error {
  override name = "EmailConfigError";
}

export const SENDER_NAME = "Housefull";

// One address, no display name, no whitespace or header-breaking characters.
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

function checkAddresses(message: OutgoingEmail) {
  if (!ADDRESS.test(message.from)) throw new PermanentEmailError("sender address is not a plain email address");
  if (!ADDRESS.test(message.to)) throw new PermanentEmailError("recipient address is not a plain email address");
}

/** A raw multipart/alternative (text + HTML) message, with its inline images, and its Message-ID. */
export function buildMimeMessage(message: OutgoingEmail): { raw: string; messageId: string } {
  return mimeMessage({
    from: { name: SENDER_NAME, address: message.from },
    to: { name: message.toName, address: message.to },
    subject: message.subject,
    text: message.text,
    html: message.html,
    inline: message.inlineImages?.map(({ cid, filename, contentType, content }) => ({
      contentId: cid,
      filename,
      contentType,
      content,
    })),
  });
}

// What the send_email binding says when the message itself is refused (unverified or disallowed
// address, unparsable message): resending the same message would be refused again.
const REFUSED = /not allowed|not verified|unverified|invalid|could not parse|does not match/i;

/**
 * Cloudflare's `send_email` binding (Email Routing / Email Service). Locally Miniflare checks the
 * message (parsable, Message-ID present, From header = envelope sender) and writes it to an .eml file.
 */
export function sendEmailBindingTransport(binding: SendEmail): EmailTransport {
  return {
    name: "send_email",
    async send(message) {
      checkAddresses(message);
      const { raw, messageId } = buildMimeMessage(message);
      let result: EmailSendResult | undefined;
      try {
        result = await binding.send(new CloudflareEmailMessage(message.from, message.to, raw));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        // The reason may quote the address: it is kept as the error's cause, never in its message.
        const Failure = REFUSED.test(reason) ? PermanentEmailError : TransientEmailError;
        throw new Failure("send_email binding refused the message", { cause: error });
      }
      return { messageId: result?.messageId || messageId };
    },
  };
}

export interface HttpEmailApiOptions {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * A JSON mail API (Resend/Postmark/SendGrid-style): POST `{from, to, subject, text, html}` with a
 * bearer key. 2xx is sent; 408, 429, 5xx, timeouts and network errors are transient; any other
 * status is a permanent refusal.
 */
export function httpEmailApiTransport(options: HttpEmailApiOptions): EmailTransport {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    name: "http",
    async send(message) {
      checkAddresses(message);
      const headers: Record<string, string> = {
        authorization: `Bearer ${options.apiKey}`,
        "content-type": "application/json",
        accept: "application/json",
      };
      if (message.idempotencyKey) headers["idempotency-key"] = message.idempotencyKey;
      const doFetch = options.fetch ?? fetch;
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: "POST",
          headers,
          body: JSON.stringify({
            from: message.from,
            to: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html,
            ...(message.inlineImages?.length
              ? {
                  attachments: message.inlineImages.map((i) => ({
                    filename: i.filename,
                    content_type: i.contentType,
                    content_id: i.cid,
                    content: base64(i.content),
                  })),
                }
              : {}),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const kind = error instanceof Error ? error.name : "error";
        throw new TransientEmailError(`email API not reached (${kind})`, { cause: error });
      }
      if (!response.ok) {
        await response.body?.cancel();
        const status = response.status;
        const Failure = status === 408 || status === 429 || status >= 500 ? TransientEmailError : PermanentEmailError;
        throw new Failure(`email API answered ${status}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined; // Accepted, but without a JSON body: there is no provider id to keep.
      }
      const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
      const id = fields.id ?? fields.messageId ?? fields.MessageID ?? response.headers.get("x-message-id");
      return { messageId: typeof id === "string" ? id : "" };
    },
  };
}

/**
 * The transport the worker is configured for: `EMAIL_TRANSPORT` = "send_email" (default, the
 * `EMAIL` binding) or "http" (`EMAIL_API_URL` + secret `EMAIL_API_KEY`).
 */
export function emailTransportOf(env: Env, config: Config): EmailTransport {
  if (config.EMAIL_TRANSPORT === "send_email") {
    if (!env.EMAIL) throw new EmailConfigError("EMAIL_TRANSPORT=send_email but there is no EMAIL binding");
    return sendEmailBindingTransport(env.EMAIL);
  }
  const url = config.EMAIL_API_URL;
  if (!url) throw new EmailConfigError("EMAIL_TRANSPORT=http needs EMAIL_API_URL (a URL)");
  if (!config.EMAIL_API_KEY) throw new EmailConfigError("EMAIL_TRANSPORT=http needs the EMAIL_API_KEY secret");
  return httpEmailApiTransport({ url, apiKey: config.EMAIL_API_KEY });
}
