// Types of security-headers.mjs for the TypeScript that imports it.
export const BASELINE_HEADERS: readonly { key: string; value: string }[];
export const MEDIA_BASELINE_HEADERS: readonly { key: string; value: string }[];
export const API_BASELINE_HEADERS: readonly { key: string; value: string }[];
export const JSON_CSP: string;
