/**
 * JSON over fetch for the forges without an official client here (GitLab,
 * Gitea). Failures become ForgeErrors that name the request and the fix.
 */
import { ForgeError, httpError, type ForgeKind } from './forge.ts';

export interface JsonClient {
  /** Sends one request; `path` is appended to the API base URL and may carry a query. */
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** A client for `apiUrl` (e.g. `https://gitlab.example.org/api/v4`) sending `headers` with every call. */
export function jsonClient(kind: ForgeKind, apiUrl: string, headers: Record<string, string>): JsonClient {
  const base = apiUrl.replace(/\/+$/, '');
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const what = `${method} ${path}`;
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: {
            accept: 'application/json',
            'user-agent': 'shelfmark',
            ...headers,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        throw new ForgeError(
          'E_FORGE_UNREACHABLE',
          `${kind}: ${what}: cannot reach ${base} (${cause?.code ?? cause?.message ?? (err as Error).message}). Check forge.url in catalog/config.json and the network.`,
        );
      }
      const text = await res.text();
      if (!res.ok) throw httpError(kind, what, res.status, messageOf(text));
      try {
        return (text ? JSON.parse(text) : undefined) as T;
      } catch {
        throw new ForgeError('E_FORGE', `${kind}: ${what} answered with something that is not JSON: ${text.slice(0, 120)}`, res.status);
      }
    },
  };
}

/** The error text a forge put in its JSON body (`message`, `error`), or the raw text. */
function messageOf(text: string): string {
  try {
    const v = JSON.parse(text) as { message?: unknown; error?: unknown };
    const m = v.message ?? v.error;
    if (m !== undefined) return typeof m === 'string' ? m : JSON.stringify(m);
  } catch {
    // not JSON
  }
  return text.trim();
}
