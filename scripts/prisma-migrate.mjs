#!/usr/bin/env node
// Offline Prisma migrations: drives @prisma/schema-engine-wasm (the same Rust schema engine
// as the native binary, compiled to WASM) through a Prisma driver adapter.
// Usage:
//   node scripts/prisma-migrate.mjs deploy                 # == prisma migrate deploy
//   node scripts/prisma-migrate.mjs dev --name add_posts   # create migration from schema diff + apply
//   node scripts/prisma-migrate.mjs create --name x        # create only, do not apply
//   node scripts/prisma-migrate.mjs status                 # edited / failed migrations (JSON)
//   node scripts/prisma-migrate.mjs drift                  # exit 2 if live DB != migration history
//   node scripts/prisma-migrate.mjs diff                   # exit 2 if schema != migrations (CI check)
//   node scripts/prisma-migrate.mjs resolve --rolled-back NAME | --applied NAME
// Env: DATABASE_URL (file:./data/dev.db | postgresql://... | pglite:./dir | pglite:memory://),
//      PRISMA_SCHEMA / PRISMA_MIGRATIONS (default prisma/<sqlite|postgres>/...),
//      SHADOW_DATABASE_URL (pg, optional), MIGRATION_TIMESTAMP
//      DEBUG_SCHEMA_ENGINE=1 (engine tracing)
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cwd = process.cwd();
const url = process.env.DATABASE_URL || "file:./data/framehouse.db";
const isPg = /^postgres(ql)?:\/\//.test(url);
const isPglite = url.startsWith("pglite:"); // pglite:./data/pg | pglite:memory://  (embedded Postgres via WASM)
const provider = isPg || isPglite ? "postgresql" : "sqlite";
const dflt = provider === "sqlite" ? "prisma/sqlite" : "prisma/postgres";
const schemaPath = path.resolve(cwd, process.env.PRISMA_SCHEMA ?? `${dflt}/schema.prisma`);
const migrationsDir = path.resolve(cwd, process.env.PRISMA_MIGRATIONS ?? `${dflt}/migrations`);
const filters = { externalTables: [], externalEnums: [] };

async function adapterFactory() {
  if (isPglite) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite(url.slice("pglite:".length)));
  }
  if (isPg) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // Pass discrete fields, NOT connectionString: PrismaPg.connectToShadowDb() does
    // new Pool({ ...config, database: shadowName }) and node-postgres lets connectionString
    // override `database`, which would point the "shadow" DB at the main database.
    const u = new URL(url);
    const cfg = {
      host: u.hostname, port: Number(u.port || 5432),
      user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
      database: u.pathname.slice(1),
      ...(u.searchParams.get("sslmode") && u.searchParams.get("sslmode") !== "disable" ? { ssl: { rejectUnauthorized: false } } : {}),
    };
    const factory = new PrismaPg(cfg);
    // The schema describer selects pg_catalog columns of type "char" (OID 18), which
    // @prisma/adapter-pg 7.10 rejects ("Column type 'char' could not be deserialized"):
    // report them as text (25) / text[] (1009). Patched on the adapter's query path, this process only.
    const patch = (adapter) => {
      // adapter-pg's executeScript splits a migration on every ";", which breaks any statement with
      // a semicolon inside (a plpgsql function body: the AuditEvent append-only trigger). Send the
      // whole script as ONE simple-protocol query instead: PostgreSQL runs it statement by statement.
      adapter.executeScript = async (script) => {
        try {
          await adapter.client.query(script);
        } catch (error) {
          adapter.onError(error);
        }
      };
      let proto = Object.getPrototypeOf(adapter);
      while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
      if (!proto || proto.__charPatched) return adapter;
      const performIO = proto.performIO;
      proto.performIO = async function (query) {
        const res = await performIO.call(this, query);
        for (const f of res?.fields ?? []) {
          if (f.dataTypeID === 18) f.dataTypeID = 25;
          else if (f.dataTypeID === 1002) f.dataTypeID = 1009;
        }
        return res;
      };
      proto.__charPatched = true;
      return adapter;
    };
    const connect = factory.connect.bind(factory);
    factory.connect = async () => patch(await connect());
    // PrismaPg.connectToShadowDb() drops the temp DB before closing its pool ("being accessed by
    // other users") and leaks it: create/drop the shadow DB ourselves, pool closed first.
    // SHADOW_DATABASE_URL: use a fixed, dedicated (and wiped!) database instead (no CREATEDB needed).
    factory.connectToShadowDb = async () => {
      if (process.env.SHADOW_DATABASE_URL) {
        return patch(await new PrismaPg({ connectionString: process.env.SHADOW_DATABASE_URL }).connect());
      }
      const { default: pg } = await import("pg");
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      const admin = new pg.Client(cfg);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadow = patch(await new PrismaPg({ ...cfg, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try { await dispose(); } finally {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await admin.end();
        }
      };
      return shadow;
    };
    return factory;
  }
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const factory = new PrismaBetterSqlite3({ url });
  // The WASM engine replays migration.sql files into the (in-memory) shadow DB with executeRaw,
  // which better-sqlite3 rejects for multi-statement SQL: route parameterless raw commands to
  // executeScript (db.exec) on the shadow connection only.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) => {
      if (q.args?.length) return executeRaw(q);
      await shadow.executeScript(q.sql);
      return 0;
    };
    return shadow;
  };
  return factory;
}

let bound; // error registry lives here: engine errors say "External error id#N"
async function loadEngine(factory) {
  const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmFile = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  );
  const mod = new WebAssembly.Module(await fs.readFile(wasmFile));
  const instance = new WebAssembly.Instance(mod, { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const schema = await fs.readFile(schemaPath, "utf8");
  const debug = process.env.DEBUG_SCHEMA_ENGINE ? (m) => console.error("[engine]", m) : () => {};
  bound = bindMigrationAwareSqlAdapterFactory(factory);
  return runtime.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, debug, bound);
}

async function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? (await fs.readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await fs.readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        let content;
        try { content = { tag: "ok", value: await fs.readFile(file, "utf8") }; }
        catch (e) { content = { tag: "error", value: String(e) }; }
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

function argValue(flag) {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const cmd = process.argv[2] ?? "deploy";
  if (cmd === "deploy" && provider === "sqlite" && !url.includes(":memory:")) {
    // WAL is persistent in the db file (readers don't block the writer: next start + worker + CLI).
    // Set it before the engine opens its own connection (needs exclusive access).
    const { default: Database } = await import("better-sqlite3");
    const file = url.replace(/^file:/, "");
    await fs.mkdir(path.dirname(path.resolve(cwd, file)), { recursive: true });
    const db = new Database(file, { timeout: 5000 });
    // Only switch when needed: re-issuing the pragma while the app holds the file open can fail.
    if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
    db.close();
  }
  const engine = await loadEngine(await adapterFactory());
  try {
    if (cmd === "deploy") {
      const r = await engine.applyMigrations({ migrationsList: await migrationsList(), filters });
      console.log(r.appliedMigrationNames.length ? `Applied: ${r.appliedMigrationNames.join(", ")}` : "No pending migrations.");

    } else if (cmd === "dev" || cmd === "create") {
      // createMigration in the WASM engine has no shadow-DB factory; `diff` does (like
      // `prisma migrate diff --from-migrations --to-schema --script`), so build the migration from it.
      const name = (argValue("--name") ?? "migration").replace(/[^A-Za-z0-9_]/g, "_");
      const lock = path.join(migrationsDir, "migration_lock.toml");
      if (!existsSync(lock)) {
        await fs.mkdir(migrationsDir, { recursive: true });
        await fs.writeFile(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`);
      }
      const schema = await fs.readFile(schemaPath, "utf8");
      const r = await engine.diff({
        from: { tag: "migrations", ...(await migrationsList()) },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: true,
        filters,
      });
      if (r.exitCode !== 2 || !r.stdout) {
        console.log("Schema already in sync with migrations: nothing to create.");
      } else {
        const ts = process.env.MIGRATION_TIMESTAMP ?? new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
        const dir = path.join(migrationsDir, `${ts}_${name}`);
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(path.join(dir, "migration.sql"), r.stdout);
        console.log(`Created ${path.relative(cwd, dir)}/migration.sql`);
      }
      if (cmd === "dev") {
        const a = await engine.applyMigrations({ migrationsList: await migrationsList(), filters });
        console.log(a.appliedMigrationNames.length ? `Applied: ${a.appliedMigrationNames.join(", ")}` : "No pending migrations.");
      }
    } else if (cmd === "status") {
      const r = await engine.diagnoseMigrationHistory({ migrationsList: await migrationsList(), optInToShadowDatabase: true, filters });
      console.log(JSON.stringify(r, null, 2));
      if (r.history && r.history.diagnostic !== "databaseIsBehind" && r.history.diagnostic !== undefined) process.exitCode = 1;
    } else if (cmd === "diff") {
      const schema = await fs.readFile(schemaPath, "utf8");
      const r = await engine.diff({
        from: { tag: "migrations", ...(await migrationsList()) },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        exitCode: true,
        filters,
      });
      process.exitCode = r.exitCode;
      if (r.stdout) process.stdout.write(r.stdout);
    } else if (cmd === "drift") {
      // live database vs. migration history (what `migrate dev` calls drift); exit 2 if they differ
      const schema = await fs.readFile(schemaPath, "utf8");
      const r = await engine.diff({
        from: { tag: "migrations", ...(await migrationsList()) },
        to: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schema }], configDir: cwd },
        script: false,
        exitCode: true,
        filters,
      });
      process.exitCode = r.exitCode;
      console.log(r.exitCode === 2 ? `Drift detected:\n${r.stdout}` : "No drift.");
    } else if (cmd === "resolve") {
      const applied = argValue("--applied");
      const rolledBack = argValue("--rolled-back");
      if (applied) await engine.markMigrationApplied({ migrationName: applied, migrationsList: await migrationsList() });
      else if (rolledBack) await engine.markMigrationRolledBack({ migrationName: rolledBack });
      else throw new Error("resolve needs --applied NAME or --rolled-back NAME");
      console.log("Resolved.");
    } else {
      throw new Error(`unknown command ${cmd}`);
    }
  } finally {
    engine.free?.();
  }
}

main().then(() => process.exit(process.exitCode ?? 0), (e) => {
  const m = /External error id#(\d+)/.exec(String(e?.message ?? e));
  const ext = m && bound?.errorRegistry?.consumeError?.(Number(m[1]));
  console.error(e?.message ?? e);
  if (ext) console.error("Driver error:", ext.error ?? ext);
  process.exit(1);
});
