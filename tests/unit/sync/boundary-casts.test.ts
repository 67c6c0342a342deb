import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Data that crossed a process or network boundary is parsed with zod, never cast with `as`:
 * the provincial server's answers (sync client, office API), the outbox read back from disk,
 * what the IPC handlers receive, what the reference server's routes receive and the wire's schemas.
 */
const BOUNDARY_FOLDERS = [
  'main/services/sync',
  'main/services/outbox',
  'main/ipc',
  // The browser shell's host reads the page's calls off HTTP.
  'main/app/browser',
  'server/routes',
  'server/office',
  'preload/contract/wire',
];
const BOUNDARY_FILES = ['main/services/sync/office-api.ts'];

/** A cast on received or parsed data (a line of code, comments excluded). */
const CASTS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  // An HTTP answer's body, or the result of a zod parse, cast to a type; `as never` hands a value
  // zod has just parsed to a handler table typed per channel, and streams and `unknown` are not data.
  { name: 'answer body', pattern: /\.data as (?!never\b|Readable\b|unknown\b)/ },
  { name: 'JSON.parse', pattern: /JSON\.parse\(.*\) as (?!unknown\b)/ },
  { name: 'outbox payload', pattern: /\bpayload as /i },
  { name: 'awaited answer', pattern: /\b(?:response|answer|granted)\)? as (?!unknown\b)/ },
];

function boundaryFiles(): string[] {
  const files = BOUNDARY_FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(dir, name)),
  );
  return [...files, ...BOUNDARY_FILES];
}

/** `file:line: text` for each cast found in the text of one file. */
export function findCasts(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*(\*|\/\*)/.test(code)) {
      return;
    }
    for (const cast of CASTS) {
      if (cast.pattern.test(code)) {
        found.push(`${file}:${index + 1}: ${cast.name}: ${line.trim()}`);
      }
    }
  });
  return found;
}

describe('no `as` cast on data that crossed a boundary', () => {
  it('finds none in the sync client, the office API, the outbox, the IPC handlers and the server routes', () => {
    const files = boundaryFiles();
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((file) => findCasts(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catches the casts it is there to catch', () => {
    const examples = [
      'return response.data as { items: InboxItem[] };',
      'payload: JSON.parse(row.payload) as OutboxJob["payload"],',
      "const payload = job.payload as OutboxJob<'file.upload'>['payload'];",
      '})) as { leaseId: string; from: number; to: number };'.replace('}))', 'granted)'),
    ];
    for (const example of examples) {
      expect(findCasts('x.ts', example)).toHaveLength(1);
    }
    expect(findCasts('x.ts', 'return ok(await handler(parsed.data as never, context));')).toEqual([]);
    expect(findCasts('x.ts', 'const value = JSON.parse(text) as unknown;')).toEqual([]);
  });
});
