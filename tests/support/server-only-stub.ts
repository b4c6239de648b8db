// Vitest runs outside React's "react-server" condition, where the real `server-only` package
// throws on import; server modules are still server-only in the Next build.
export {};
