import { readdirSync, readlinkSync } from "node:fs";

/** How many of this process's descriptors are open on `file` (Linux: read from /proc/self/fd). */
export function openDescriptorsOn(file: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed between the listing and the readlink
    }
  }).length;
}
