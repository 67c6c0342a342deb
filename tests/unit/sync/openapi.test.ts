import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { API_VERSION, ROUTES } from '../../../server/app.ts';

const spec = parse(readFileSync(new URL('../../../server/openapi.yaml', import.meta.url), 'utf8')) as {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { parameters?: { $ref?: string }[] }>>;
};

/** `/v1/documents/{id}/statuses` → the router's `/v1/documents/:id/statuses` pattern source. */
function toRouterPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

describe('server/openapi.yaml', () => {
  it('is OpenAPI 3.1 with the version the reference server reports', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.version).toBe(API_VERSION);
  });

  it('documents exactly the routes the reference server serves', () => {
    const documented = Object.entries(spec.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${toRouterPath(path)}`))
      .sort();
    const served = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(served);
  });

  it('requires an Idempotency-Key on every mutation except auth and uploads', () => {
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const mutation = method === 'post' || method === 'patch' || method === 'put' || method === 'delete';
        const exempt = path.startsWith('/v1/auth/') || path.startsWith('/v1/uploads');
        const hasKey = (operation.parameters ?? []).some((p) => p.$ref === '#/components/parameters/IdempotencyKey');
        expect(hasKey, `${method} ${path}`).toBe(mutation && !exempt);
      }
    }
  });

  it('resolves every local $ref (a schema named but never defined is a broken contract)', () => {
    const text = readFileSync(new URL('../../../server/openapi.yaml', import.meta.url), 'utf8');
    const refs = [...text.matchAll(/\$ref:\s*'#\/([^']+)'/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      let node: unknown = spec;
      for (const part of ref.split('/')) {
        node = (node as Record<string, unknown> | undefined)?.[part];
      }
      expect(node, ref).toBeDefined();
    }
  });
});
