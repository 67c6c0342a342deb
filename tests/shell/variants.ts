import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { context, type BuildContext, type Plugin } from 'esbuild';
import { cjsBundle } from '../../scripts/bundles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const VARIANTS = join(DIST, 'shell-variants');
const WORKERS = ['probe-child.cjs', 'pkcs11-worker.cjs', 'store-worker.cjs', 'print-worker.cjs'];

/** A deliberate break in one source file of the shell: `edit` rewrites its text. */
export interface Fault {
  readonly file: string;
  readonly edit: (source: string) => string;
}

/** Replaces `find`, which must occur exactly once: a fault that no longer applies fails loudly. */
export function replaceOnce(source: string, find: string, replace: string): string {
  const first = source.indexOf(find);
  if (first === -1 || source.indexOf(find, first + 1) !== -1) {
    throw new Error(`the fault no longer applies: ${JSON.stringify(find.slice(0, 80))} is not in the source exactly once`);
  }
  return source.slice(0, first) + replace + source.slice(first + find.length);
}

/** The faults of the build in progress; the plugin reads them, so one context serves every variant. */
let active: readonly Fault[] = [];

const faultPlugin: Plugin = {
  name: 'shell-fault',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const fault = active.find((f) => join(ROOT, f.file) === args.path);
      return fault === undefined ? undefined : { contents: fault.edit(readFileSync(args.path, 'utf8')), loader: 'ts' };
    });
  },
};

// Incremental contexts, one per entry: a rebuild reparses only the file a fault changed.
const contexts = new Map<string, Promise<BuildContext>>();
function contextFor(source: string): Promise<BuildContext> {
  let found = contexts.get(source);
  if (found === undefined) {
    found = context({ ...cjsBundle, sourcemap: false, entryPoints: [source], write: false, outfile: 'shell-variant.cjs', plugins: [faultPlugin] });
    contexts.set(source, found);
  }
  return found;
}

/** Ends the build contexts (esbuild keeps a service process for them). */
export async function disposeBuilds(): Promise<void> {
  for (const ctx of contexts.values()) {
    await (await ctx).dispose();
  }
  contexts.clear();
}

/**
 * A broken build of the shell, laid out as dist/ is (electron/ beside renderer/, assets two
 * levels up), so the bundle finds its preload, workers, renderer and fonts as the real one does.
 * Only the entry `faults` touch is rebuilt; the other bundle is the shipped one.
 */
export async function buildBrokenShell(name: string, entry: 'main' | 'preload', faults: readonly Fault[]): Promise<string> {
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
  const other = entry === 'main' ? 'preload' : 'main';
  // Copied, not linked: Node resolves a linked main's __dirname to dist/electron and its preload.
  copyFileSync(join(DIST, 'electron', `${other}.cjs`), join(dir, `${other}.cjs`));
  const source = entry === 'main' ? 'main/app/electron/main.ts' : 'preload/index.ts';
  active = faults;
  try {
    const result = await (await contextFor(source)).rebuild();
    const [output] = result.outputFiles ?? [];
    if (output === undefined) {
      throw new Error(`esbuild wrote nothing for ${source}`);
    }
    writeFileSync(join(dir, `${entry}.cjs`), output.contents);
  } finally {
    active = [];
  }
  return join(dir, 'main.cjs');
}
