/**
 * Before the workerd suites: real Redis and Postgres (a fresh `housefull_test` database, migrated
 * and seeded), the Upstash/Neon bridges in front of them, the local OpenID provider and the payment
 * sandbox (a local Stripe). Their URLs reach the worker's env through vitest's provide/inject (see
 * vitest.config.ts).
 */

import { Redis as IORedis } from "ioredis";
import type { TestProject } from "vitest/node";
import { startUpstashBridge } from "../dev/bridges/upstash-rest.ts";
import { startIdentityProvider } from "../dev/identity-provider/index.ts";
import {
  ensureDatabase,
  ensurePostgres,
  ensureRedis,
  prepareDatabase,
  StackError,
  startBridges,
} from "../dev/local-stack.ts";
import { startPaymentSandbox } from "../dev/payment-sandbox/index.ts";
import { generateTicketKey, keySetJson } from "../dev/ticket-keys.ts";
import { startControlledIssuer } from "./dev/controlled-issuer.ts";

const quiet = (line: string) => {
  if (process.env.STACK_VERBOSE) console.log(line);
};

export default async function setup(project: TestProject) {
  try {
    const redis = await ensureRedis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/9", quiet, "TEST_REDIS_URL");
    const flush = new IORedis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await flush.connect();
    await flush.flushdb();
    flush.disconnect();

    const pg = await ensurePostgres(
      process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/housefull_test",
      quiet,
      { allowEmbedded: false, urlVariable: "TEST_DATABASE_URL" },
    );
    await ensureDatabase(pg.url, { reset: true });
    await prepareDatabase(pg.url, { seed: true });

    const bridges = await startBridges({ redisUrl: redis.url, upstashToken: "test-token" });
    // A Redis database of its own for the suites that wipe Redis or switch it off (fault injection):
    // "everything" the isolated worker sees is lost, while the other suites run on undisturbed.
    const base = new URL(redis.url);
    const isolatedRedisUrl = `redis://${base.host}/${Number(base.pathname.slice(1) || 0) + 1}`;
    const wipe = new IORedis(isolatedRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await wipe.connect();
    await wipe.flushdb();
    wipe.disconnect();
    const isolated = await startUpstashBridge({ redisUrl: isolatedRedisUrl, token: "isolated-token" });
    // The worker under test answers on http://localhost (SELF.fetch), so its callback is there.
    const oidcClient = {
      clientId: "housefull-test",
      clientSecret: "test-oidc-client-secret-not-for-production",
      redirectUri: "http://localhost/api/v1/auth/oidc/callback",
    };
    const idp = await startIdentityProvider({ ...oidcClient, redirectUris: [oidcClient.redirectUri] });
    // ID tokens a certified provider never issues (another audience, expired, re-signed, no nonce).
    const controlled = await startControlledIssuer(oidcClient.clientId);
    project.provide("databaseUrl", pg.url);
    project.provide("redisUrl", redis.url);
    project.provide("upstashUrl", bridges.upstashUrl);
    project.provide("upstashToken", bridges.upstashToken);
    project.provide("neonFetchEndpoint", bridges.neonFetchEndpoint);
    project.provide("isolatedUpstashUrl", isolated.url);
    project.provide("isolatedUpstashToken", "isolated-token");
    project.provide("oidcIssuer", idp.issuer);
    project.provide("oidcClientId", oidcClient.clientId);
    project.provide("oidcClientSecret", oidcClient.clientSecret);
    project.provide("oidcRedirectUri", oidcClient.redirectUri);
    project.provide("controlledIssuer", controlled.issuer);
    // The local Stripe stand-in. The worker under test has no address to deliver webhooks to: tests
    // fetch an event signed from `/__sandbox/events/:id/signed` and hand it to the worker themselves.
    const payments = await startPaymentSandbox({ apiKey: "sk_test_housefull", webhookSecret: "whsec_housefull_tests" });
    project.provide("paymentSandboxUrl", payments.url);
    project.provide("paymentSandboxApiKey", payments.apiKey);
    project.provide("paymentSandboxWebhookSecret", payments.webhookSecret);
    // A ticket signing key made for this run only (docs/TICKETS.md: keys), never a committed one.
    // Also a retired key past its notAfter (public half only, as after a rotation); its private half
    // goes to the tests alone, so they can make a genuine ticket under an expired key.
    const expired = await generateTicketKey("2", new Date(Date.now() - 86_400_000));
    const { d: _private, ...retired } = expired;
    project.provide("ticketSigningKeys", keySetJson([await generateTicketKey("1"), retired]));
    project.provide("expiredTicketKey", JSON.stringify(expired));

    return async () => {
      await payments.close();
      await controlled.close();
      await idp.close();
      await isolated.close();
      await bridges.stop();
      await redis.stop();
    };
  } catch (error) {
    if (error instanceof StackError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    upstashUrl: string;
    upstashToken: string;
    neonFetchEndpoint: string;
    isolatedUpstashUrl: string;
    isolatedUpstashToken: string;
    /** The local OpenID provider and the worker's client registered there. */
    oidcIssuer: string;
    oidcClientId: string;
    oidcClientSecret: string;
    oidcRedirectUri: string;
    /** The local Stripe stand-in (dev/payment-sandbox/). */
    paymentSandboxUrl: string;
    paymentSandboxApiKey: string;
    paymentSandboxWebhookSecret: string;
    /** test/dev/controlled-issuer.ts; POST /control/next-id-token sets the token it answers with. */
    controlledIssuer: string;
    /** TICKET_SIGNING_KEYS of the workers under test. */
    ticketSigningKeys: string;
    /** A key of ticketSigningKeys past its notAfter, with its private half (JWK). */
    expiredTicketKey: string;
  }
}
