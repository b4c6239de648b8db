#!/bin/sh
# Stand-in for Prisma's native schema-engine (binaries.prisma.sh is unreachable here).
# `prisma generate|validate|format` never run it; migrations go through scripts/prisma-migrate.mjs (WASM engine).
echo "native schema-engine not available offline: use npm run db:* scripts" >&2
exit 1
