import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Run the project's own dependency-cruiser rules on a tree and return the violations. */
function cruise(paths: readonly string[]): Violation[] {
  let output: string;
  try {
    output = execFileSync(
      'npx',
      ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...paths],
      {
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

  it('catches a renderer → main import', () => {
    expect(rules('renderer/bad-import.ts')).toContain('renderer-only-contract');
  });

  it('catches pdf → tokens, domain → fs and contract → non-zod imports', () => {
    expect(rules('main/services/pdf/pdf.ts')).toContain('pdf-never-tokens');
    expect(rules('main/domain/rule.ts')).toContain('domain-no-io');
    expect(rules('preload/contract/schema.ts')).toContain('contract-only-zod');
  });

  it('allows the renderer to import the contract', () => {
    expect(rules('renderer/fine.ts')).toEqual([]);
  });
});
