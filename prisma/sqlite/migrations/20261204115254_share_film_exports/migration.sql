-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "generationId" TEXT,
    "filmExportId" TEXT,
    "createdById" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "allowDownload" BOOLEAN NOT NULL DEFAULT false,
    "showPrompt" BOOLEAN NOT NULL DEFAULT true,
    "views" INTEGER NOT NULL DEFAULT 0,
    "lastViewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShareLink_filmExportId_fkey" FOREIGN KEY ("filmExportId") REFERENCES "FilmExport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ShareLink" ("allowDownload", "createdAt", "createdById", "expiresAt", "generationId", "id", "lastViewedAt", "revokedAt", "showPrompt", "tokenHash", "views") SELECT "allowDownload", "createdAt", "createdById", "expiresAt", "generationId", "id", "lastViewedAt", "revokedAt", "showPrompt", "tokenHash", "views" FROM "ShareLink";
DROP TABLE "ShareLink";
ALTER TABLE "new_ShareLink" RENAME TO "ShareLink";
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_generationId_idx" ON "ShareLink"("generationId");
CREATE INDEX "ShareLink_filmExportId_idx" ON "ShareLink"("filmExportId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
