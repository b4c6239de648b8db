// Vitest setup file: after each test file, remove the temp directories its tests made with tempDir.
// Registered before the file's own hooks, so with vitest's "stack" hook order this afterAll runs last,
// after the file has closed the simulators and workers that wrote into them.
import { afterAll } from "vitest";
import { removeTempDirs } from "./simulator-fixtures";

afterAll(removeTempDirs);
