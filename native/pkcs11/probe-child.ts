/**
 * Child-process side of the module probe: load one module, C_Initialize, read its info and
 * tokens, print one JSON line, exit. A vendor DLL that hangs or crashes takes only this process.
 */
import { loadModule } from './module.ts';

const path = process.argv[2] ?? '';
try {
  const module = loadModule(path);
  const tokens = module.slots(true).map((slot) => {
    const info = module.tokenInfo(slot);
    return { label: info.label, serial: info.serial, flags: info.flags };
  });
  process.stdout.write(`${JSON.stringify({ ok: true, libraryDescription: module.libraryDescription, tokens })}\n`);
} catch (error) {
  const e = error as { code?: unknown; message?: unknown; details?: unknown };
  process.stdout.write(`${JSON.stringify({ ok: false, code: e.code, message: e.message, details: e.details })}\n`);
}
