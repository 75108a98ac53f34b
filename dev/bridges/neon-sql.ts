// Local stand-in for Neon's SQL-over-HTTP endpoint (`/sql`) and WebSocket proxy (`/v2`), so the real
// @neondatabase/serverless driver can talk to a plain local PostgreSQL. Dev/test tooling only.
//   worker:  neonConfig.fetchEndpoint = "http://127.0.0.1:PORT/sql"   (string or (host, port) => url)
//   node:    neonConfig.wsProxy = (h, p) => `127.0.0.1:PORT/v2?address=${h}:${p}`; useSecureWebSocket = false
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { WebSocketServer } from "ws";

export interface NeonBridgeOptions {
  host?: string; // default 127.0.0.1
  port?: number; // 0 = random free port
  simulatedRttMs?: number; // added to each HTTP request and each WS client->db message (edge->region distance)
}

export interface NeonBridge {
  url: string; // http://host:port
  fetchEndpoint: string; // http://host:port/sql
  wsProxy: string; // host:port/v2 (driver appends ?address=host:port)
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const ISOLATION: Record<string, string> = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE",
};
// The driver parses every value itself by dataTypeID, so Postgres's text must pass through untouched.
const rawText = { getTypeParser: () => (value: string) => value };
// Field names of pg's DatabaseError that Neon echoes in its 400 body (the driver copies them onto NeonDbError).
const ERROR_FIELDS = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

class BadRequest extends Error {}
type Query = { query: string; params?: unknown[] };
/** down: answer 502 without touching Postgres; drop-before/after: cut the connection before/after running it. */
export type FaultMode = "down" | "drop-before" | "drop-after";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startNeonBridge(opts: NeonBridgeOptions = {}): Promise<NeonBridge> {
  const { host = "127.0.0.1", port = 0, simulatedRttMs: rtt = 0 } = opts;
  const pools = new Map<string, pg.Pool>();
  // Fault injection for tests: a connection string carrying `fault_scope=<name>` is affected by
  // the fault set for that scope through POST /__faults {scope, mode, after?}; others are untouched.
  // `after: N` lets the scope's next N requests through first (a fault in the middle of a request).
  const faults = new Map<string, { mode: FaultMode; after: number }>();
  const sockets = new Set<Socket>();

  function poolFor(connectionString: string | undefined): pg.Pool {
    let url: URL;
    try {
      url = new URL(connectionString ?? "");
    } catch {
      throw new BadRequest("missing or invalid Neon-Connection-String header");
    }
    if (!LOOPBACK.has(url.hostname)) throw new BadRequest(`host ${url.hostname} refused: loopback only`);
    url.searchParams.delete("fault_scope");
    url.searchParams.delete("sslmode"); // URLs copied from Neon say sslmode=require; local PG has no TLS
    const key = url.href;
    let pool = pools.get(key);
    if (!pool) {
      pool = new pg.Pool({ connectionString: key, max: 10, connectionTimeoutMillis: 3000 });
      pool.on("error", () => {}); // an idle client dying (e.g. PG restart) must not crash the bridge
      pools.set(key, pool);
    }
    return pool;
  }

  async function run(client: pg.PoolClient | pg.Pool, q: Query, arrayMode: boolean) {
    // Extended protocol even without params, so a multi-statement string is refused as on Neon.
    const r = await client.query({
      text: q.query,
      values: q.params ?? [],
      rowMode: "array",
      types: rawText,
      queryMode: "extended",
    } as pg.QueryArrayConfig);
    const fields = r.fields.map((f) => ({
      name: f.name,
      dataTypeID: f.dataTypeID,
      tableID: f.tableID,
      columnID: f.columnID,
      dataTypeSize: f.dataTypeSize,
      dataTypeModifier: f.dataTypeModifier,
      format: "text",
    }));
    const rows = arrayMode ? r.rows : r.rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.name, row[i]])));
    return { command: r.command, rowCount: r.rowCount, fields, rows, rowAsArray: arrayMode };
  }

  async function batch(pool: pg.Pool, queries: Query[], req: IncomingMessage, arrayMode: boolean) {
    const iso = req.headers["neon-batch-isolation-level"] as string | undefined;
    if (iso !== undefined && !ISOLATION[iso]) throw new BadRequest(`invalid isolation level ${iso}`);
    const ro = req.headers["neon-batch-read-only"],
      def = req.headers["neon-batch-deferrable"];
    const begin = [
      "BEGIN",
      iso && `ISOLATION LEVEL ${ISOLATION[iso]}`,
      ro && (ro === "true" ? "READ ONLY" : "READ WRITE"),
      def && (def === "true" ? "DEFERRABLE" : "NOT DEFERRABLE"),
    ]
      .filter(Boolean)
      .join(" ");
    const client = await pool.connect(); // one connection for the whole transaction
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const results = [];
      for (const q of queries) results.push(await run(client, q, arrayMode));
      await client.query("COMMIT");
      return { results };
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken); // a client that could not roll back is discarded, not reused
    }
  }

  async function handleSql(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (rtt > 0) await sleep(rtt);
    let status = 200,
      body: unknown;
    const fault = faultOf(req.headers["neon-connection-string"] as string | undefined);
    if (fault === "drop-before") return void res.socket?.destroy();
    try {
      if (fault === "down") throw new Error("simulated fault: Postgres is unreachable");
      const pool = poolFor(req.headers["neon-connection-string"] as string | undefined);
      let payload: { query?: string; params?: unknown[]; queries?: Query[] };
      try {
        payload = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        throw new BadRequest("body is not valid JSON");
      }
      const arrayMode = req.headers["neon-array-mode"] === "true";
      if (Array.isArray(payload.queries)) body = await batch(pool, payload.queries, req, arrayMode);
      else if (typeof payload.query === "string") body = await run(pool, payload as Query, arrayMode);
      else throw new BadRequest("body must be {query, params} or {queries: [...]}");
    } catch (err) {
      const e = err as Error & Record<string, unknown>;
      // Postgres errors and bad requests are 400 (driver -> NeonDbError with fields); unreachable DB etc. is 502.
      status = e instanceof pg.DatabaseError || e instanceof BadRequest ? 400 : 502;
      body = {
        message: e.message,
        ...(e instanceof pg.DatabaseError ? Object.fromEntries(ERROR_FIELDS.map((k) => [k, e[k]])) : {}),
      };
    }
    if (fault === "drop-after") return void res.socket?.destroy(); // the work is done, the answer is lost
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  function faultOf(connectionString: string | undefined): FaultMode | undefined {
    const scope = connectionString?.match(/[?&]fault_scope=([\w-]+)/)?.[1];
    const fault = scope ? faults.get(scope) : undefined;
    if (!fault) return undefined;
    if (fault.after > 0) {
      fault.after -= 1;
      return undefined;
    }
    return fault.mode;
  }

  async function handleFaults(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { scope, mode, after } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as {
      scope?: string;
      mode?: FaultMode | null;
      after?: number;
    };
    if (!scope) return void res.writeHead(400).end("scope required");
    if (mode) faults.set(scope, { mode, after: after ?? 0 });
    else faults.delete(scope);
    res.writeHead(204).end();
  }

  const server = createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (req.method === "POST" && path === "/sql") {
      handleSql(req, res).catch((e: Error) => res.writeHead(500).end(String(e.message)));
    } else if (req.method === "POST" && path === "/__faults") {
      handleFaults(req, res).catch((e: Error) => res.writeHead(400).end(String(e.message)));
    } else res.writeHead(404).end("not found");
  });

  // WebSocket relay: raw Postgres wire bytes, binary frames <-> TCP to ?address=host:port (loopback only).
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://x");
    const address = url.searchParams.get("address") ?? "";
    const sep = address.lastIndexOf(":");
    const tHost = address.slice(0, sep).replace(/^\[|\]$/g, ""),
      tPort = Number(address.slice(sep + 1));
    if (url.pathname !== "/v2" || sep < 0 || !LOOPBACK.has(tHost) || !(tPort > 0)) {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const tcp = connect(tPort, tHost); // writes before 'connect' are buffered by node
      sockets.add(tcp);
      // Same delay for every message keeps them ordered (equal-duration timers fire FIFO).
      const later = (fn: () => void) => (rtt > 0 ? setTimeout(fn, rtt) : fn());
      ws.on("message", (data: Buffer) => later(() => tcp.write(data)));
      ws.on("close", () => later(() => tcp.end())); // half-close: let PG finish what it was sent
      ws.on("error", () => tcp.destroy());
      tcp.on("data", (data) => ws.send(data));
      tcp.on("close", () => {
        sockets.delete(tcp);
        ws.close();
      });
      tcp.on("error", () => ws.close(1011, "database connection failed"));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as { port: number }).port;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  const base = `${hostPart}:${actualPort}`;

  return {
    url: `http://${base}`,
    fetchEndpoint: `http://${base}/sql`,
    wsProxy: `${base}/v2`,
    port: actualPort,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pools.values()].map((p) => p.end()));
      pools.clear();
    },
  };
}

// Standalone: `PORT=8787 tsx dev/bridges/neon-sql.ts`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bridge = await startNeonBridge({
    port: Number(process.env.PORT ?? 0),
    simulatedRttMs: Number(process.env.SIMULATED_RTT_MS ?? 0),
  });
  console.log(`neon bridge: ${bridge.url}  fetchEndpoint=${bridge.fetchEndpoint}  wsProxy=${bridge.wsProxy}`);
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.on("SIGINT", stop).on("SIGTERM", stop);
}
