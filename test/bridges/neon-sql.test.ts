// Conformance tests for dev/bridges/neon-sql.ts, driven only through the real @neondatabase/serverless
// clients (HTTP neon(), WebSocket Pool/Client) and drizzle-orm/neon-http against a real local PostgreSQL.
import { Client, NeonDbError, neon, neonConfig, Pool } from "@neondatabase/serverless";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/neon-http";
import { integer, pgSchema, serial, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ws from "ws";
import { type NeonBridge, startNeonBridge } from "../../dev/bridges/neon-sql.ts";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/test";
const SCHEMA = `neon_bridge_${process.pid}_${Date.now().toString(36)}`;

const bs = pgSchema(SCHEMA);
const items = bs.table("items", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  qty: integer("qty").notNull().default(0),
});

let bridge: NeonBridge;
const sql = neon(DATABASE_URL);

async function rejection(p: PromiseLike<unknown>): Promise<NeonDbError & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as NeonDbError & Record<string, unknown>;
  }
  throw new Error("expected the query to fail");
}

beforeAll(async () => {
  bridge = await startNeonBridge();
  neonConfig.fetchEndpoint = () => bridge.fetchEndpoint;
  neonConfig.webSocketConstructor = ws;
  neonConfig.wsProxy = (host, port) => `${bridge.wsProxy}?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  await sql.query(`CREATE SCHEMA ${SCHEMA}`);
  await sql.query(
    `CREATE TABLE ${SCHEMA}.items (id serial PRIMARY KEY, name text NOT NULL UNIQUE, qty int NOT NULL DEFAULT 0)`,
  );
});

afterAll(async () => {
  await sql.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => {});
  await bridge?.close();
});

const count = async () => Number((await sql.query(`SELECT count(*) AS n FROM ${SCHEMA}.items`))[0]?.n);

describe("HTTP /sql", () => {
  it("runs a single query with params (tagged template and .query)", async () => {
    expect(await sql`SELECT ${20}::int + ${22}::int AS sum, ${"héllo"}::text AS t`).toEqual([{ sum: 42, t: "héllo" }]);
    expect(await sql.query("SELECT $1::text AS a, $2::text AS b", ["x", null])).toEqual([{ a: "x", b: null }]);
    const full = await sql.query("SELECT 1 AS one", [], { fullResults: true, arrayMode: true });
    expect(full.command).toBe("SELECT");
    expect(full.rowCount).toBe(1);
    expect(full.rows).toEqual([[1]]);
    expect(full.fields[0]).toMatchObject({ name: "one", dataTypeID: 23 });
  });

  it("returns Postgres text so the driver parses types by dataTypeID", async () => {
    const when = new Date("2024-02-29T13:45:56.789Z");
    const u1 = "6f1c1f6e-8e0c-4a47-9a0e-3c7f5d1e2a10";
    const u2 = "00000000-0000-0000-0000-000000000001";
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff]);
    const [row] = await sql`SELECT
      ${"12345.6789"}::numeric AS num, 9007199254740993::int8 AS big, 7::int4 AS small,
      true AS yes, false AS no, NULL::int AS nothing,
      ${["a", "b,c", 'd"e', null]}::text[] AS texts, ARRAY[${u1}, ${u2}]::uuid[] AS uuids,
      ${when}::timestamptz AS at, ${JSON.stringify({ a: [1, { b: null }], s: "ü" })}::jsonb AS doc,
      ${bytes} AS raw`;
    expect(row).toMatchObject({
      num: "12345.6789",
      big: "9007199254740993",
      small: 7,
      yes: true,
      no: false,
      nothing: null,
      texts: ["a", "b,c", 'd"e', null],
      uuids: [u1, u2],
      doc: { a: [1, { b: null }], s: "ü" },
    });
    const at = row?.at as Date;
    expect(at).toBeInstanceOf(Date);
    expect(at.toISOString()).toBe(when.toISOString());
    expect(Buffer.from(row?.raw as Uint8Array).equals(bytes)).toBe(true);
  });

  it("commits a transaction() batch and returns one result per query", async () => {
    const [a, b, c] = await sql.transaction([
      sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name, qty) VALUES ('tx-a', 1) RETURNING name`,
      sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name, qty) VALUES ('tx-b', 2) RETURNING name`,
      sql`SELECT sum(qty)::int AS total FROM ${sql.unsafe(SCHEMA)}.items WHERE name LIKE 'tx-%'`,
    ]);
    expect(a).toEqual([{ name: "tx-a" }]);
    expect(b).toEqual([{ name: "tx-b" }]);
    expect(c).toEqual([{ total: 3 }]);
  });

  it("rolls a failing batch back entirely", async () => {
    const before = await count();
    const err = await rejection(
      sql.transaction([
        sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name) VALUES ('rb-1')`,
        sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name) VALUES ('rb-2')`,
        sql`SELECT 1 / 0`,
        sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name) VALUES ('rb-3')`,
      ]),
    );
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err.code).toBe("22012");
    expect(await count()).toBe(before);
  });

  it("applies isolation level, read-only and deferrable options to the batch", async () => {
    const results = await sql.transaction(
      [sql`SHOW transaction_isolation`, sql`SHOW transaction_read_only`, sql`SHOW transaction_deferrable`],
      { isolationLevel: "Serializable", readOnly: true, deferrable: true },
    );
    const [iso, ro, def] = results.map((rows) => rows[0]);
    expect([iso?.transaction_isolation, ro?.transaction_read_only, def?.transaction_deferrable]).toEqual([
      "serializable",
      "on",
      "on",
    ]);
    const [repeatable] = await sql.transaction([sql`SHOW transaction_isolation`], { isolationLevel: "RepeatableRead" });
    expect(repeatable?.[0]?.transaction_isolation).toBe("repeatable read");
    const err = await rejection(
      sql.transaction([sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name) VALUES ('ro')`], { readOnly: true }),
    );
    expect(err.code).toBe("25006");
  });

  it("surfaces a unique violation as NeonDbError with code and constraint", async () => {
    await sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name) VALUES ('dup')`;
    const err = await rejection(sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name) VALUES ('dup')`);
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err).toMatchObject({
      code: "23505",
      constraint: "items_name_key",
      table: "items",
      schema: SCHEMA,
      severity: "ERROR",
    });
    expect(err.detail).toContain("(name)=(dup)");
  });

  it("refuses a parameterless multi-statement string like Neon does", async () => {
    const err = await rejection(sql.query("SELECT 1; SELECT 2"));
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err.code).toBe("42601");
  });

  it("refuses a non-loopback host in the connection string", async () => {
    const remote = neon("postgres://postgres:postgres@10.255.255.1:5432/test");
    const started = Date.now();
    const err = await rejection(remote`SELECT 1`);
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err.message).toMatch(/loopback/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("answers quickly with an error when Postgres is unreachable", async () => {
    const err = await rejection(neon("postgres://postgres:postgres@127.0.0.1:1/test")`SELECT 1`);
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it("serves 50 concurrent queries", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => sql`SELECT ${i}::int AS i, pg_sleep(0.01)`));
    expect(results.map((r) => r[0]?.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("delays each HTTP request by simulatedRttMs", async () => {
    const slow = await startNeonBridge({ simulatedRttMs: 150 });
    const previous = neonConfig.fetchEndpoint;
    neonConfig.fetchEndpoint = slow.fetchEndpoint; // the string form works too
    try {
      const started = performance.now();
      expect(await sql`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    } finally {
      neonConfig.fetchEndpoint = previous;
      await slow.close();
    }
  });
});

describe("WebSocket /v2 relay", () => {
  it("runs an interactive transaction with row locks through Pool", async () => {
    await sql`INSERT INTO ${sql.unsafe(SCHEMA)}.items (name, qty) VALUES ('ws-lock', 10)`;
    const pool = new Pool({ connectionString: DATABASE_URL });
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query("BEGIN");
      const { rows } = await a.query(`SELECT qty FROM ${SCHEMA}.items WHERE name = $1 FOR UPDATE`, ["ws-lock"]);
      expect(rows).toEqual([{ qty: 10 }]);
      // A second session really is blocked by the first one's lock.
      const blocked = await rejection(
        b.query(`SELECT qty FROM ${SCHEMA}.items WHERE name = 'ws-lock' FOR UPDATE NOWAIT`),
      );
      expect(blocked.code).toBe("55P03");
      await a.query(`UPDATE ${SCHEMA}.items SET qty = qty - 3 WHERE name = $1`, ["ws-lock"]);
      await a.query("COMMIT");
    } finally {
      a.release();
      b.release();
      await pool.end();
    }
    expect(await sql`SELECT qty FROM ${sql.unsafe(SCHEMA)}.items WHERE name = 'ws-lock'`).toEqual([{ qty: 7 }]);
  });

  it("Client connects, queries and end() does not hang", async () => {
    const client = new Client(DATABASE_URL);
    await client.connect();
    try {
      const { rows } = await client.query("SELECT $1::int8 AS big, now() AS at", ["42"]);
      expect(rows[0].big).toBe("42");
      expect(rows[0].at).toBeInstanceOf(Date);
    } catch (err) {
      await client.end();
      throw err;
    }
    const ended = client.end().then(() => "ended");
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000, "timeout"));
    expect(await Promise.race([ended, timeout])).toBe("ended");
  });

  it("delays WebSocket traffic by simulatedRttMs", async () => {
    const slow = await startNeonBridge({ simulatedRttMs: 100 });
    const client = new Client(DATABASE_URL);
    client.neonConfig.wsProxy = (host, port) => `${slow.wsProxy}?address=${host}:${port}`; // per-client override
    try {
      await client.connect();
      const started = performance.now();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    } finally {
      await client.end();
      await slow.close();
    }
  });

  it("refuses to relay to a non-loopback address", async () => {
    const client = new Client("postgres://postgres:postgres@10.255.255.1:5432/test");
    client.on("error", () => {});
    await expect(client.connect()).rejects.toThrow();
  });
});

// Last on purpose: constructing a neon-http drizzle db globally replaces the driver's date/time type parsers
// with identity (timestamptz etc. then come back as strings for every neon()/Pool user in the process).
describe("drizzle-orm/neon-http", () => {
  it("inserts with returning, selects and batches", async () => {
    const db = drizzle({ client: sql });
    const [created] = await db.insert(items).values({ name: "drizzle-1", qty: 5 }).returning();
    if (!created) throw new Error("insert returned no row");
    expect(created).toMatchObject({ name: "drizzle-1", qty: 5 });
    expect(typeof created.id).toBe("number");
    expect(await db.select().from(items).where(eq(items.id, created.id))).toEqual([created]);

    const [inserted, updated, selected] = await db.batch([
      db.insert(items).values({ name: "drizzle-2", qty: 1 }).returning({ name: items.name }),
      db.update(items).set({ qty: 6 }).where(eq(items.name, "drizzle-1")).returning({ qty: items.qty }),
      db.select({ name: items.name, qty: items.qty }).from(items).where(eq(items.name, "drizzle-2")),
    ]);
    expect(inserted).toEqual([{ name: "drizzle-2" }]);
    expect(updated).toEqual([{ qty: 6 }]);
    expect(selected).toEqual([{ name: "drizzle-2", qty: 1 }]);

    await expect(
      db.batch([db.insert(items).values({ name: "drizzle-3" }), db.insert(items).values({ name: "drizzle-1" })]),
    ).rejects.toThrow();
    expect(await db.select().from(items).where(eq(items.name, "drizzle-3"))).toEqual([]);
  });
});
