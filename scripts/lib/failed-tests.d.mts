// Types of failed-tests.mjs for the TypeScript that imports it (tests/unit/failed-tests.test.ts).
export interface FailedTest {
  name: string;
  reason: string;
}
export function vitestFailures(report: unknown, root?: string): FailedTest[];
export function playwrightFailures(report: unknown): FailedTest[];
