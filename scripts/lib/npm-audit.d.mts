// Types of npm-audit.mjs for the TypeScript that imports it (tests/unit/npm-audit.test.ts).
export function auditVerdict(stdout: string, exitStatus: number | null): { status: "passed" | "failed" | "skipped"; line: string };
export function npmAudit(cwd: string, env: NodeJS.ProcessEnv): { status: "passed" | "failed" | "skipped"; line: string };
