import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, START, errorTable } from '../../../scripts/error-table.ts';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('lists every error code of the contract (run `node scripts/error-table.ts --write`)', () => {
    const block = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
    expect(block).toBe(errorTable());
  });

  it('names the two commands, and .ci/run runs the test command', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^npm test$/m);
  });
});
