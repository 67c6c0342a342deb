import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { WIRE_ENDPOINTS, type WireEndpoint } from '../../../preload/contract/wire/endpoints.ts';
import { ProblemSchema } from '../../../preload/contract/wire/common.ts';
import { compareShapes, shapeOfJsonSchema, type Shape } from './shapes.ts';

/**
 * The wire's zod schemas (preload/contract/wire) and server/openapi.yaml describe the same API:
 * every operation of the yaml has its schemas and every schema pair its operation, and each JSON
 * body has the same properties, required the same way, at every depth both sides describe. The
 * yaml stays the readable document (its prose says why); this test keeps it honest.
 */
const spec = parse(readFileSync(new URL('../../../server/openapi.yaml', import.meta.url), 'utf8')) as unknown;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(node: unknown, ...keys: string[]): unknown {
  let current = node;
  for (const key of keys) {
    current = isNode(current) ? current[key] : undefined;
  }
  return current;
}

/** `#/components/…` → the node it names in the yaml. */
function resolve(node: unknown): unknown {
  const ref = at(node, '$ref');
  return typeof ref === 'string' ? resolve(at(spec, ...ref.replace(/^#\//, '').split('/'))) : node;
}

function operations(): Map<string, Node> {
  const found = new Map<string, Node>();
  const paths = at(spec, 'paths');
  for (const [path, methods] of Object.entries(isNode(paths) ? paths : {})) {
    for (const [method, operation] of Object.entries(isNode(methods) ? methods : {})) {
      if (isNode(operation)) {
        found.set(`${method.toUpperCase()} ${path}`, operation);
      }
    }
  }
  return found;
}

const yamlShape = (schema: unknown): Shape => shapeOfJsonSchema(schema, resolve);
const zodShape = (schema: z.ZodType, io: 'input' | 'output'): Shape =>
  shapeOfJsonSchema(z.toJSONSchema(schema, { io, unrepresentable: 'any' }), (node) => node);

function jsonBody(node: unknown): unknown {
  return at(resolve(node), 'content', 'application/json', 'schema');
}

describe('the wire contract and server/openapi.yaml', () => {
  const ops = operations();
  const table: Readonly<Record<string, WireEndpoint>> = WIRE_ENDPOINTS;

  it('name the same operations', () => {
    expect([...ops.keys()].sort()).toEqual(Object.keys(table).sort());
  });

  for (const [name, endpoint] of Object.entries(table)) {
    it(`agree on ${name}`, () => {
      const operation = ops.get(name);
      expect(operation, name).toBeDefined();
      const answer = resolve(at(operation, 'responses', String(endpoint.status)));
      expect(answer, `${name} answers ${endpoint.status}`).toBeDefined();
      if ('bytes' in endpoint) {
        // Bytes travel outside JSON: neither side has a JSON body to compare.
        expect(jsonBody(at(operation, 'requestBody'))).toBeUndefined();
        expect(jsonBody(answer)).toBeUndefined();
        const bytesIn = at(operation, 'requestBody', 'content', 'application/offset+octet-stream');
        const bytesOut = at(answer, 'content', 'application/octet-stream');
        expect(bytesIn !== undefined, `${name} takes bytes`).toBe(endpoint.bytes === 'request');
        expect(bytesOut !== undefined, `${name} answers bytes`).toBe(endpoint.bytes === 'response');
        return;
      }
      const request = jsonBody(at(operation, 'requestBody'));
      if (endpoint.request === null) {
        expect(request, `${name} takes no body`).toBeUndefined();
      } else {
        expect(request, `${name} request body`).toBeDefined();
        expect(compareShapes('request', yamlShape(request), zodShape(endpoint.request, 'input'))).toEqual([]);
      }
      const response = jsonBody(answer);
      expect(response, `${name} answer body`).toBeDefined();
      expect(compareShapes('answer', yamlShape(response), zodShape(endpoint.response, 'output'))).toEqual([]);
    });
  }

  it('agree on the problem answer every error carries', () => {
    const problem = at(spec, 'components', 'schemas', 'Problem');
    expect(compareShapes('problem', yamlShape(problem), zodShape(ProblemSchema, 'output'))).toEqual([]);
  });

  it('would notice a property, a requirement or an operation the other side lacks', () => {
    const login = ops.get('POST /v1/auth/login');
    const yamlLogin = yamlShape(jsonBody(at(login, 'requestBody')));
    const extra = z.object({ username: z.string(), password: z.string(), otp: z.string() });
    expect(compareShapes('request', yamlLogin, zodShape(extra, 'input'))).toEqual([
      'request: otp is in the schema, not in the yaml',
    ]);
    const optional = z.object({ username: z.string(), password: z.string().optional() });
    expect(compareShapes('request', yamlLogin, zodShape(optional, 'input'))).toEqual([
      'request.password: required in the yaml, optional in the schema',
    ]);
    const nested = z.looseObject({ items: z.array(z.looseObject({ maDinhDanh: z.string() })), nextCursor: z.string() });
    const organizations = yamlShape(jsonBody(at(ops.get('GET /v1/organizations'), 'responses', '200')));
    expect(compareShapes('answer', organizations, zodShape(nested, 'output'))).toEqual([
      'answer.items[]: ten is in the yaml, not in the schema',
    ]);
    expect(Object.keys(table)).not.toContain('DELETE /v1/outgoing/{id}');
  });
});
