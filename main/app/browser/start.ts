import { fileURLToPath } from 'node:url';
import { createHandlerTable } from '../../ipc/handlers.ts';
import { startBackground } from '../background.ts';
import { composeServices } from '../compose.ts';
import { headlessKeySources } from '../../services/vault/cli-key.ts';
import { encryptsByDefault, startProfile } from '../../services/vault/profile-start.ts';
import { encryptProgressLine } from '../../services/vault/encrypt-progress-text.ts';
import { recoveryKeyNotice } from '../../services/vault/recovery-notice.ts';
import { profilePaths, resolveProfileDir } from '../../services/disk/profile-paths.ts';
import { startBrowserHost } from './host.ts';

/*
 * Entry of the browser shell: `node main/app/browser/start.ts`. Prints the URL (with the
 * per-launch secret in its fragment) on stdout as one JSON line, for scripts and Playwright.
 */
const staticDir =
  process.env['VANTHU_RENDERER_DIR'] ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
const profileDir = resolveProfileDir();
// The key file beside the profile (no OS keystore here); encrypted unless VANTHU_ENCRYPT_PROFILE=0.
const started = startProfile(
  profilePaths(profileDir),
  headlessKeySources(profileDir, process.env),
  { encryptPlain: encryptsByDefault(process.env) },
  (p) => process.stderr.write(`${encryptProgressLine(p)}\n`),
);
if (started.recoveryKey !== null) {
  process.stderr.write(recoveryKeyNotice(started.recoveryKey));
}
const services = composeServices({
  profileDir,
  shell: 'browser',
  ...(started.key === undefined ? {} : { profileKey: started.key }),
});
const port = Number(process.env['VANTHU_PORT'] ?? '0');
const host = await startBrowserHost({ table: createHandlerTable(services), services, staticDir, port });
process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin, profileDir: services.profile.root })}\n`);
// Tests shorten the notice tick so an arrival is announced within a second.
const noticeInterval = Number(process.env['VANTHU_NOTICE_INTERVAL_MS'] ?? '0');
const background = startBackground(services, noticeInterval > 0 ? { noticeIntervalMs: noticeInterval } : {});

const stop = (): void => {
  void background
    .stop()
    .then(() => host.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
