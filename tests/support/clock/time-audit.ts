import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Finds the two ways a test can carry an expiry date (issue #13):
 * - a calendar date written in a test that signs or verifies with the run's PKI, which is issued
 *   around the run's anchor: the certificates outlive it or precede it (the 2026-11-22 signing
 *   time that failed from that day on). Such a date must say why it is safe: `fixed-date: …`.
 * - the wall clock read by a test (`new Date()`, `Date.now()`) instead of the run's anchor
 *   (support/clock): it must say why the real time is needed: `real time: …`.
 * The note goes on the line or on one of the two lines above it.
 */
export interface TimeFinding {
  readonly file: string;
  readonly line: number;
  readonly kind: 'fixed-date-with-pki' | 'wall-clock';
  readonly text: string;
}

const USES_PKI = /\busePki\(|inject\('pki'\)|\bbuildPki\(|\bmakeSignedFixture\(/;
const CALENDAR = /new Date\(\s*['"`]\d{4}-|new Date\(\s*\d{4}\s*,|Date\.UTC\(\s*\d{4}|Date\.parse\(\s*['"`]\d{4}-/;
const WALL_CLOCK = /new Date\(\s*\)|Date\.now\(\s*\)/;

function noted(lines: readonly string[], index: number, note: string): boolean {
  return lines.slice(Math.max(0, index - 2), index + 1).some((l) => l.includes(note));
}

/** The findings in one file's text. */
export function auditText(file: string, text: string): TimeFinding[] {
  const lines = text.split('\n');
  const usesPki = USES_PKI.test(text);
  const findings: TimeFinding[] = [];
  lines.forEach((line, i) => {
    if (usesPki && CALENDAR.test(line) && !noted(lines, i, 'fixed-date:')) {
      findings.push({ file, line: i + 1, kind: 'fixed-date-with-pki', text: line.trim() });
    }
    if (WALL_CLOCK.test(line) && !noted(lines, i, 'real time:')) {
      findings.push({ file, line: i + 1, kind: 'wall-clock', text: line.trim() });
    }
  });
  return findings;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every test source except benchmarks (they time the real machine, by nature) and fixtures.
 * The clock, this file and its test are where the anchor is read and the rules are stated.
 */
export function auditTests(root: string): TimeFinding[] {
  const skip =
    /^tests\/(bench|fixtures)\/|^tests\/support\/clock\/(anchor|time-audit)\.ts$|^tests\/unit\/clock\/time-audit\.test\.ts$/;
  return sources(join(root, 'tests'))
    .map((path) => relative(root, path))
    .filter((file) => !skip.test(file))
    .flatMap((file) => auditText(file, readFileSync(join(root, file), 'utf8')));
}
