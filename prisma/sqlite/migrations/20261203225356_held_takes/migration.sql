-- GenerationStatus gains HELD (docs/reliability.md). SQLite stores Prisma enums as TEXT without a
-- constraint, so nothing changes here; the folder keeps both providers' histories in step.
SELECT 1;
