import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./src/db/catalog-tables.ts",
    "./src/db/order-tables.ts",
    "./src/accounts/tables.ts",
    "./src/door/tables.ts",
    "./src/admin/tables.ts",
    "./src/admin/ops-tables.ts",
    "./src/onsale/tables.ts",
  ],
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/housefull" },
  migrations: { table: "__drizzle_migrations", schema: "public" },
});
