import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const VARIANTS = join(DIST, 'shell-variants');
const WORKERS = ['probe-child.cjs', 'pkcs11-worker.cjs', 'store-worker.cjs', 'print-worker.cjs'];

/** A deliberate break in one built bundle: `edit` rewrites the bundle's text. */
export interface Fault {
  readonly bundle: 'main' | 'preload';
  readonly edit: (built: string) => string;
}

/** Replaces `find`, which must match exactly once: a fault that no longer applies fails loudly. */
export function replaceOnce(text: string, find: string | RegExp, replace: string): string {
  const pattern =
    typeof find === 'string'
      ? new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
      : new RegExp(find.source, 'gm');
  const matches = text.match(pattern) ?? [];
  if (matches.length !== 1) {
    throw new Error(
      `the fault no longer applies: ${String(find)} matches the bundle ${matches.length} times, not once`,
    );
  }
  return text.replace(pattern, replace);
}

/**
 * The shipped bundles with one fault each, laid out as dist/ is (electron/ beside renderer/,
 * assets two levels up) so the bundle finds its preload, workers, renderer and fonts as the real
 * one does. The faults edit the built text itself — the code that ships, broken in one place —
 * which takes a fraction of a second where a rebuild would take several.
 */
export function buildBrokenShell(name: string, faults: readonly Fault[]): string {
  const dir = join(VARIANTS, name, 'electron');
  rmSync(join(VARIANTS, name), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(VARIANTS, 'assets'))) {
    symlinkSync(join(ROOT, 'assets'), join(VARIANTS, 'assets'));
  }
  symlinkSync(join(DIST, 'renderer'), join(VARIANTS, name, 'renderer'));
  for (const worker of WORKERS) {
    symlinkSync(join(DIST, 'electron', worker), join(dir, worker));
  }
  for (const bundle of ['main', 'preload'] as const) {
    const mine = faults.filter((fault) => fault.bundle === bundle);
    const shipped = join(DIST, 'electron', `${bundle}.cjs`);
    // Copied, not linked: Node resolves a linked main's __dirname to dist/electron and its preload.
    if (mine.length === 0) {
      copyFileSync(shipped, join(dir, `${bundle}.cjs`));
    } else {
      writeFileSync(
        join(dir, `${bundle}.cjs`),
        mine.reduce((text, fault) => fault.edit(text), readFileSync(shipped, 'utf8')),
      );
    }
  }
  return join(dir, 'main.cjs');
}
