/**
 * The local stack shared by `npm run dev`, `npm test` and `npm run bench`: finds (or starts) Redis
 * and Postgres, prepares the database, and starts the protocol bridges that let the worker use its
 * production clients (Upstash REST, Neon HTTP) against them. Dev tooling: never bundled.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { seedDatabase } from "../drizzle/seed/index.ts";
import { startNeonBridge } from "./bridges/neon-sql.ts";
import { startUpstashBridge } from "./bridges/upstash-rest.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A stack problem explained in one line, with what to do about it. */
export class StackError extends Error {}

type Stop = () => Promise<void>;

export async function canConnect(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Redis at `redisUrl`, or a throwaway `redis-server` from PATH when none answers there. */
export async function ensureRedis(
  redisUrl: string,
  log: (line: string) => void,
  urlVariable = "REDIS_URL",
): Promise<{ url: string; stop: Stop }> {
  const u = new URL(redisUrl);
  const port = Number(u.port || 6379);
  if (await canConnect(u.hostname, port)) {
    log(`Redis: using ${u.hostname}:${port}`);
    return { url: redisUrl, stop: async () => {} };
  }
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    throw new StackError(
      `Redis is not reachable at ${u.hostname}:${port} and redis-server is not on PATH. Start Redis (e.g. "redis-server --daemonize yes") or set ${urlVariable}.`,
    );
  }
  const ownPort = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(ownPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 50 && !(await canConnect("127.0.0.1", ownPort, 200)); i++) await sleep(100);
  log(`Redis: nothing at ${u.hostname}:${port}, started redis-server on 127.0.0.1:${ownPort}`);
  const url = `redis://127.0.0.1:${ownPort}${u.pathname}`;
  return {
    url,
    stop: async () => {
      child.kill();
    },
  };
}

/**
 * The Postgres at `databaseUrl`, or (when `allowEmbedded`) an embedded PGlite served on a local
 * port with its data in .data/pglite, so `npm run dev` works on a machine without Postgres.
 */
export async function ensurePostgres(
  databaseUrl: string,
  log: (line: string) => void,
  opts: { allowEmbedded: boolean; urlVariable?: string },
): Promise<{ url: string; stop: Stop; embedded: boolean }> {
  const u = new URL(databaseUrl);
  const port = Number(u.port || 5432);
  if (await canConnect(u.hostname, port)) {
    log(`Postgres: using ${u.hostname}:${port}${u.pathname}`);
    return { url: databaseUrl, stop: async () => {}, embedded: false };
  }
  if (!opts.allowEmbedded) {
    throw new StackError(
      `Postgres is not reachable at ${u.hostname}:${port}. Start it (e.g. "pg_ctlcluster 15 main start") or set ${opts.urlVariable ?? "DATABASE_URL"}.`,
    );
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  // The migrations use these contrib extensions (show overlaps, forgiving search); Neon has both.
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const dataDir = path.join(ROOT, ".data", "pglite");
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { extensions: { btree_gist, pg_trgm } });
  const ownPort = await freePort();
  const server = new PGLiteSocketServer({ db, port: ownPort, host: "127.0.0.1", maxConnections: 16 } as never);
  await server.start();
  log(
    `Postgres: nothing at ${u.hostname}:${port}, using embedded PGlite on 127.0.0.1:${ownPort} (data in .data/pglite)`,
  );
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${ownPort}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** Creates the database if it does not exist (or drops and recreates it when `reset`). */
export async function ensureDatabase(databaseUrl: string, opts: { reset?: boolean } = {}): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new StackError(`Unsupported database name "${name}"`);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (opts.reset) await client.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** Applies drizzle/'s SQL migrations (drizzle-kit generated), then the sample data when asked. */
export async function prepareDatabase(
  databaseUrl: string,
  opts: { seed: boolean; now?: Date; log?: (line: string) => void },
): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), {
      migrationsFolder: path.join(ROOT, "drizzle"),
      migrationsSchema: "public",
    });
  } finally {
    await pool.end();
  }
  if (opts.seed) await seedDatabase(databaseUrl, { now: opts.now, log: opts.log });
}

export interface Bridges {
  upstashUrl: string;
  upstashToken: string;
  neonFetchEndpoint: string;
  stop: Stop;
}

/** The Upstash REST and Neon HTTP bridges in front of the local Redis and Postgres. */
export async function startBridges(opts: {
  redisUrl: string;
  upstashToken: string;
  simulatedRttMs?: number;
  upstashPort?: number;
  neonPort?: number;
}): Promise<Bridges> {
  const upstash = await startUpstashBridge({
    redisUrl: opts.redisUrl,
    token: opts.upstashToken,
    port: opts.upstashPort ?? 0,
    simulatedRttMs: opts.simulatedRttMs ?? 0,
  });
  const neon = await startNeonBridge({ port: opts.neonPort ?? 0, simulatedRttMs: opts.simulatedRttMs ?? 0 });
  return {
    upstashUrl: upstash.url,
    upstashToken: opts.upstashToken,
    neonFetchEndpoint: neon.fetchEndpoint,
    stop: async () => {
      await Promise.all([upstash.close(), neon.close()]);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
