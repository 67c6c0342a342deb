import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels, isChannelName } from '../../preload/contract/channels.ts';
import { HOST_ONLY_CHANNELS, isHostOnlyChannel } from '../../preload/contract/host-only.ts';

/**
 * No file path is ever typed by a person (issue #15): files enter through the chooser and travel
 * as handles. A form with a typed path has to send that path through some channel, so this test
 * reads every channel the renderer names and refuses a path-like field in its request; and no
 * renderer text asks for a path. Both fail the moment a screen brings one back.
 */
const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const PATH_KEY = /(^|[a-z])(path|paths)$/i;

/**
 * Where a path-like field may stay: the PKCS#11 module path, an expert option beside the driver
 * catalog (the brief of #15 allows it), and the token choice that names the module tokens.list
 * found (main accepts only a module it knows); the trust-root list of settings.update is the list
 * main gave back, less a removed entry.
 */
const ALLOWED: ReadonlyArray<string> = [
  'settings.update tokens.modulePaths',
  'tokens.list modulePaths',
  'tokens.preflight modulePath',
  'settings.update verify.trustPaths',
  'tokens.setRole modulePath',
];
const SIGNER_MODULE = /\bmodulePath$/;

/** Every key of a request schema, dotted, through optional/default/array/union wrappers. */
function keysOf(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def['type']) {
    case 'object':
      return Object.entries(def['shape'] as Record<string, z.ZodType>).flatMap(([key, value]) => [
        `${prefix}${key}`,
        ...keysOf(value, `${prefix}${key}.`),
      ]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return keysOf(def['innerType'] as z.ZodType, prefix);
    case 'pipe':
      return keysOf(def['in'] as z.ZodType, prefix);
    case 'array':
      return keysOf(def['element'] as z.ZodType, prefix);
    case 'union':
      return (def['options'] as z.ZodType[]).flatMap((option) => keysOf(option, prefix));
    default:
      return [];
  }
}

describe('no renderer form takes a typed file path', () => {
  const files = sources(join(ROOT, 'renderer'));
  const called = new Set(
    files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-zA-Z]+)'/g)].map((m) => m[1] ?? '').filter(isChannelName),
    ),
  );

  it('finds the channels the screens call (the scan itself works)', () => {
    expect(called).toContain('incoming.add');
    expect(called).toContain('outgoing.addAppendix');
    expect(called).toContain('registers.print');
    expect(called.size).toBeGreaterThan(30);
  });

  it('no channel the renderer calls has a path field in its request', () => {
    const offending = [...called].flatMap((name) =>
      keysOf(channels[name as keyof typeof channels].request as z.ZodType)
        .filter((key) => PATH_KEY.test(key.split('.').pop() ?? ''))
        .map((key) => `${name} ${key}`)
        .filter((found) => !ALLOWED.includes(found))
        // The signer a person picks names the module tokens.list found: chosen, not typed.
        .filter(
          (found) =>
            !(found.startsWith('issuing.') || found.startsWith('outgoing.addAppendix')) || !SIGNER_MODULE.test(found),
        ),
    );
    expect(offending).toEqual([]);
  });

  it('no screen names a host-only channel, and every other channel with a path field is host-only', () => {
    expect([...called].filter((name) => isHostOnlyChannel(name))).toEqual([]);
    const withPaths = Object.entries(channels).flatMap(([name, def]) =>
      keysOf(def.request as z.ZodType)
        .filter((key) => PATH_KEY.test(key.split('.').pop() ?? ''))
        .map((key) => `${name} ${key}`)
        .filter((found) => !ALLOWED.includes(found) && !SIGNER_MODULE.test(found))
        .map(() => name),
    );
    // What remains names a file or folder on disk: only the command line may call it (dispatch refuses the shells).
    expect([...new Set(withPaths)].filter((name) => !isHostOnlyChannel(name))).toEqual([]);
    expect(HOST_ONLY_CHANNELS).toContain('documents.verify');
  });

  it('no renderer text asks for a path, except the PKCS#11 module expert option', () => {
    const i18n = readdirSync(join(ROOT, 'renderer/i18n')).map((f) => join(ROOT, 'renderer/i18n', f));
    const asking = i18n.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /đường dẫn/i.test(line))
        .filter((line) => !/^\s*(modulePaths|modulePathsHint|absolutePath):/.test(line))
        .map((line) => `${file.slice(ROOT.length)}: ${line.trim()}`),
    );
    expect(asking).toEqual([]);
  });
});
