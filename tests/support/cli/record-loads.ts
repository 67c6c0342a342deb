import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

/**
 * Preloaded with `node --import` to list every module a process loads (ES modules and require()
 * alike) in the file named by VANTHU_RECORD_LOADS, one URL a line: tests assert what a command
 * does not load, which no timing figure would say reliably.
 */
const out = process.env['VANTHU_RECORD_LOADS'];
if (out !== undefined && out !== '') {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(out, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
