/**
 * `npm run secrets:new -- secrets.production.env`: a new secrets file for one environment (dotenv,
 * mode 600, never overwritten) with what can be made here made: AUTH_JWT_SECRET (32 random bytes)
 * and TICKET_SIGNING_KEYS (a fresh Ed25519 key, docs/TICKETS.md). The rest are named, empty, with
 * where to get them (docs/DEPLOY.md); preflight counts an empty one as not set.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { generateTicketKey, keySetJson } from "../dev/ticket-keys.ts";

const WHERE: Record<string, string> = {
  DATABASE_URL: "Neon: the branch's pooled connection string (DEPLOY.md step 2)",
  UPSTASH_REDIS_REST_URL: "Upstash: the database's REST URL (step 4)",
  UPSTASH_REDIS_REST_TOKEN: "Upstash: the database's REST token (step 4)",
  STRIPE_SECRET_KEY: "Stripe: sk_live_… (sk_test_… for staging) or a restricted key (step 7)",
  STRIPE_WEBHOOK_SECRET: "Stripe: the webhook endpoint's signing secret whsec_… (step 7)",
  OIDC_CLIENT_SECRET: "Google: the OAuth client's secret (step 8); leave empty with OIDC_CLIENT_ID empty",
};

const out = process.argv[2];
if (!out) {
  console.error("usage: npm run secrets:new -- <file, e.g. secrets.production.env>");
  process.exit(2);
}
const made = {
  AUTH_JWT_SECRET: randomBytes(32).toString("base64url"),
  TICKET_SIGNING_KEYS: keySetJson([await generateTicketKey(new Date().toISOString().slice(0, 10))]),
};
const lines = [
  `# Worker secrets, made ${new Date().toISOString()}. Never commit this file (.gitignore: secrets.*.env).`,
  ...Object.entries(WHERE).map(([name, where]) => `# ${where}\n${name}=""`),
  `AUTH_JWT_SECRET="${made.AUTH_JWT_SECRET}"`,
  `TICKET_SIGNING_KEYS='${made.TICKET_SIGNING_KEYS}'`,
];
try {
  writeFileSync(out, `${lines.join("\n")}\n`, { mode: 0o600, flag: "wx" });
} catch (error) {
  if ((error as { code?: string }).code === "EEXIST") {
    console.error(`${out} exists: not overwritten (its keys may be live)`);
    process.exit(1);
  }
  throw error;
}
console.log(`wrote ${out}: fill in ${Object.keys(WHERE).join(", ")}`);
