export function importTs<T = Record<string, unknown>>(specifier: string, parentUrl: string): Promise<T>;
