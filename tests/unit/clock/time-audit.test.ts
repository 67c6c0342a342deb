import { describe, expect, it } from 'vitest';
import { auditTests, auditText } from '../../support/clock/time-audit.ts';

describe('tests carry no expiry date (#13)', () => {
  it('finds a calendar date in a test that signs with the run-time PKI', () => {
    const text = "const pki = usePki();\nconst signingTime = new Date('2026-11-22T07:13:04Z');\n";
    expect(auditText('a.test.ts', text)).toEqual([
      {
        file: 'a.test.ts',
        line: 2,
        kind: 'fixed-date-with-pki',
        text: "const signingTime = new Date('2026-11-22T07:13:04Z');",
      },
    ]);
  });

  it('accepts a calendar date that says why it is safe, or one in a test without the PKI', () => {
    const noted = "usePki();\n// fixed-date: only names are compared\nconst from = new Date('2026-01-01');\n";
    expect(auditText('a.test.ts', noted)).toEqual([]);
    expect(auditText('b.test.ts', "const start = Date.parse('2026-03-02T08:00:00Z');\n")).toEqual([]);
  });

  it('finds the wall clock read without a reason, and accepts it with one', () => {
    expect(auditText('c.test.ts', 'const now = new Date();\nconst t = Date.now();\n').map((f) => f.line)).toEqual([
      1, 2,
    ]);
    expect(
      auditText('c.test.ts', '// real time: the child process stamps with its own clock\nconst now = new Date();\n'),
    ).toEqual([]);
  });

  it('finds nothing in this repository’s tests', () => {
    const findings = auditTests(process.cwd());
    expect(findings.map((f) => `${f.file}:${f.line} ${f.kind}: ${f.text}`)).toEqual([]);
  });
});
