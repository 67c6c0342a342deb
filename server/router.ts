import type { RequestContext } from './http.ts';
import type { ServerState } from './state.ts';

export type RouteHandler = (state: ServerState, ctx: RequestContext) => Promise<void>;

export interface Route {
  readonly method: string;
  /** As written, e.g. `/v1/documents/:id/statuses` (checked against openapi.yaml). */
  readonly path: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: RouteHandler;
  /** Mutations the fault layer may apply and then lose the answer of. */
  readonly mutation: boolean;
}

/** `/v1/documents/:id/statuses` → a route whose `:id` lands in `ctx.params.id`. */
export function route(method: string, path: string, handler: RouteHandler): Route {
  const names: string[] = [];
  const source = path.replace(/:([a-zA-Z0-9]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return {
    method,
    path,
    pattern: new RegExp(`^${source}$`),
    names,
    handler,
    mutation: method !== 'GET' && method !== 'HEAD',
  };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | 'method-not-allowed' | null {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (match === null) {
      continue;
    }
    pathMatched = true;
    if (candidate.method === method) {
      const params: Record<string, string> = {};
      candidate.names.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1] ?? '');
      });
      return { route: candidate, params };
    }
  }
  return pathMatched ? 'method-not-allowed' : null;
}
