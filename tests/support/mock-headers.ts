// Stands in for next/headers in integration tests that call server actions: the test sets the request's headers.
let current = new Headers();

export function setRequestHeaders(h: Record<string, string>): void {
  current = new Headers(h);
}

export async function headers(): Promise<Headers> {
  return current;
}

export async function cookies() {
  return { getAll: () => [], get: () => undefined };
}
