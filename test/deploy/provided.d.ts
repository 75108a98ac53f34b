// What global-setup provides to the deploy tests (the Node-side declaration is in test/global-setup.ts).
declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated, seeded test database; the migration replay makes its own next to it. */
    databaseUrl: string;
  }
}

export {};
