import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Run the project's own dependency-cruiser rules on a tree and return the violations. */
function cruise(
  paths: readonly string[],
  where: { readonly cwd: string; readonly config: string } = { cwd: process.cwd(), config: '.dependency-cruiser.cjs' },
): Violation[] {
  let output: string;
  try {
    output = execFileSync(
      resolve('node_modules/.bin/depcruise'),
      ['--config', where.config, '--output-type', 'json', ...paths],
      {
        cwd: where.cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds errors; the JSON report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('import boundaries (lint)', () => {
  const violations = cruise(['tests/fixtures/boundaries']);
  const rules = (from: string): string[] => violations.filter((v) => v.from.includes(from)).map((v) => v.rule.name);
  const targets = (from: string, rule: string): string[] =>
    violations.filter((v) => v.from.includes(from) && v.rule.name === rule).map((v) => v.to);

  it('catches a renderer → main import', () => {
    expect(rules('renderer/bad-import.ts')).toContain('renderer-only-contract');
  });

  it('catches a renderer → native import', () => {
    expect(rules('renderer/bad-native.ts')).toContain('renderer-only-contract');
  });

  it('catches pdf → tokens, domain → fs and contract → non-zod imports', () => {
    expect(rules('main/services/pdf/pdf.ts')).toContain('pdf-never-tokens');
    expect(rules('main/domain/rule.ts')).toContain('domain-no-io');
    expect(rules('preload/contract/schema.ts')).toContain('contract-only-zod');
  });

  it('catches the renderer importing the provincial API schemas (preload/contract/wire)', () => {
    expect(rules('renderer/bad-wire.ts')).toContain('renderer-not-wire');
  });

  it('allows the renderer to import the contract', () => {
    expect(rules('renderer/fine.ts')).toEqual([]);
  });

  it('catches a service importing the composition root, a handler or the CLI', () => {
    expect(targets('main/services/store/bad-service.ts', 'services-not-up').map((to) => to.split('/main/')[1])).toEqual(
      expect.arrayContaining(['app/root.ts', 'ipc/handler.ts', 'cli/command.ts']),
    );
  });

  it('catches a service importing platform/, whose adapters sit above the services', () => {
    expect(rules('main/services/notices/bad-port.ts')).toContain('services-not-platform');
    expect(rules('main/platform/adapter.ts')).toEqual([]);
  });

  it('catches a handler importing the composition root, and lets the root import handlers', () => {
    expect(rules('main/ipc/bad-handler.ts')).toContain('ipc-not-app');
    expect(rules('main/app/root.ts')).toEqual([]);
  });

  it('catches native importing main', () => {
    expect(rules('native/facade.ts')).toContain('native-not-main');
  });

  it('catches two folders of main importing each other, though no file cycle exists', () => {
    const loops = violations.filter((v) => v.rule.name === 'main-no-folder-cycles').map((v) => `${v.from} → ${v.to}`);
    expect(loops).toEqual(
      expect.arrayContaining([
        'tests/fixtures/boundaries/main/services/loop-a → tests/fixtures/boundaries/main/services/loop-b',
        'tests/fixtures/boundaries/main/services/loop-b → tests/fixtures/boundaries/main/services/loop-a',
      ]),
    );
  });

  it('catches a loop between two folders that the old exceptions list allowed (registers ⇄ vault)', () => {
    const loops = violations.filter((v) => v.rule.name === 'main-no-folder-cycles').map((v) => `${v.from} → ${v.to}`);
    expect(loops).toEqual(
      expect.arrayContaining([
        'tests/fixtures/boundaries/main/services/registers → tests/fixtures/boundaries/main/services/vault',
        'tests/fixtures/boundaries/main/services/vault → tests/fixtures/boundaries/main/services/registers',
      ]),
    );
  });

  it('catches two folders of the renderer importing each other (the frame showing a screen that uses the frame)', () => {
    const loops = violations
      .filter((v) => v.rule.name === 'renderer-no-folder-cycles')
      .map((v) => `${v.from} → ${v.to}`);
    expect(loops).toEqual(
      expect.arrayContaining([
        'tests/fixtures/boundaries/renderer/app → tests/fixtures/boundaries/renderer/features/three',
        'tests/fixtures/boundaries/renderer/features/three → tests/fixtures/boundaries/renderer/app',
      ]),
    );
  });

  it('catches two modules importing each other, even by a type import', () => {
    // A cycle is reported once, from one of its modules.
    const cycles = violations.filter((v) => v.rule.name === 'no-file-cycles').map((v) => v.from);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(/server\/(db|schema-part)\.ts$/u);
  });

  it('catches a renderer feature importing another feature, and allows renderer/shared', () => {
    expect(rules('renderer/features/one/screen.ts')).toContain('renderer-features-apart');
    expect(rules('renderer/features/one/fine-screen.ts')).toEqual([]);
  });
});

describe('the folder-loop rule has no exceptions', () => {
  it('is one rule over all of main/, with no folder left out', () => {
    const require = createRequire(import.meta.url);
    const config = require('../../../.dependency-cruiser.cjs') as {
      forbidden: { name: string; from: Record<string, unknown>; to: Record<string, unknown> }[];
    };
    const rules = config.forbidden.filter((rule) => rule.name === 'main-no-folder-cycles');
    expect(rules).toHaveLength(1);
    expect(rules[0]?.from).not.toHaveProperty('pathNot');
    expect(rules[0]?.to).toEqual({ circular: true });
  });

  it('reports store/ ⇄ sync/, the loop the store worker once made, in a fresh tree', () => {
    // A temporary tree with the real folder names, cruised by the project's rules (only the
    // tsconfig, which the temporary tree has none of, is left out).
    const root = mkdtempSync(join(tmpdir(), 'vanthu-loops-'));
    try {
      const write = (path: string, text: string): void => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('main/services/store/context.ts', "export const context = 'db';\n");
      write(
        'main/services/sync/sinks.ts',
        "import { context } from '../store/context.ts';\nexport const sink = context;\n",
      );
      write(
        'main/services/store/protocol.ts',
        "import { sink } from '../sync/sinks.ts';\nexport const methods = [sink];\n",
      );
      write(
        'config.cjs',
        `const rules = require(${JSON.stringify(resolve('.dependency-cruiser.cjs'))});\n` +
          'module.exports = { ...rules, options: { ...rules.options, tsConfig: undefined } };\n',
      );
      const loops = cruise(['main'], { cwd: root, config: 'config.cjs' })
        .filter((v) => v.rule.name === 'main-no-folder-cycles')
        .map((v) => `${v.from} → ${v.to}`);
      expect(loops.sort()).toEqual([
        'main/services/store → main/services/sync',
        'main/services/sync → main/services/store',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
