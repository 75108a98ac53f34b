/** `npm run db:migrate` / `npm run db:seed`: the database at DATABASE_URL (created if missing). */
import pg from "pg";
import { ensureDatabase, prepareDatabase, StackError } from "./local-stack.ts";

const DEFAULT_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/housefull";

async function main(command: string | undefined) {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (command !== "migrate" && command !== "seed") throw new StackError("usage: tsx dev/database.ts migrate|seed");
  // A hosted database (Neon) exists already and its role may not reach the `postgres` database.
  if (!(await databaseExists(url))) await ensureDatabase(url);
  await prepareDatabase(url, { seed: command === "seed", log: console.log });
  console.log(command === "migrate" ? "Migrations applied." : "Migrations applied and sample data seeded.");
}

async function databaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "3D000") return false; // invalid_catalog_name: no such database
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

main(process.argv[2]).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (error instanceof StackError) console.error(error.message);
  else if (code === "ECONNREFUSED")
    console.error(
      `Postgres is not reachable at ${new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL).host}. Start it (e.g. "pg_ctlcluster 15 main start") or set DATABASE_URL.`,
    );
  else console.error(error);
  process.exit(1);
});
