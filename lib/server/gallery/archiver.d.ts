// The part of archiver@8 (an untyped ESM package) that the zip export uses.
declare module "archiver" {
  import type { Readable, Transform } from "node:stream";

  export interface EntryData {
    name: string;
    date?: Date;
    store?: boolean;
  }

  export class ZipArchive extends Transform {
    constructor(options?: { store?: boolean; zlib?: { level?: number }; forceZip64?: boolean });
    append(source: Readable | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
    on(event: "entry", listener: (data: EntryData) => void): this;
    on(event: "error" | "warning", listener: (err: Error & { code?: string }) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
