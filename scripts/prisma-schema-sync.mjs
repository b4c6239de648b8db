// prisma/sqlite/schema.prisma is the single source of truth; the postgres copy differs only in
// provider + client output dir. Provider cannot come from env() in Prisma (P1012).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export function syncPostgresSchema() {
  const src = fs.readFileSync(path.join(root, "prisma/sqlite/schema.prisma"), "utf8");
  const out = src
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"..\/..\/lib\/generated\/sqlite"/, 'output   = "../../lib/generated/postgres"');
  const header = "// GENERATED from prisma/sqlite/schema.prisma by scripts/prisma.mjs - do not edit\n";
  const file = path.join(root, "prisma/postgres/schema.prisma");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const next = header + out;
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== next) fs.writeFileSync(file, next);
}
