import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openConfSettings } from '../main/services/settings/conf-settings.ts';
import { sealPng, signaturePng } from '../tests/support/corpus/images.ts';
import { buildPki } from '../tests/support/pki/build.ts';

/*
 * Builds the demo profile for `npm start`: the test PKI's SoftHSM2 tokens (so a fresh machine
 * can sign without a USB token), demo signature and seal images, and settings pointing at the
 * local reference server as the Sở Nội vụ of the demo province. Throw-away keys: never production.
 * Usage: node scripts/demo-pki.ts PROFILE_DIR [SERVER_URL]
 */
const profileDir = process.argv[2];
if (profileDir === undefined) {
  console.error('usage: node scripts/demo-pki.ts PROFILE_DIR [SERVER_URL]');
  process.exit(64);
}
const serverUrl = process.argv[3] ?? 'http://127.0.0.1:8787';
// real time: the demo app checks these certificates against the wall clock.
const pki = await buildPki(join(profileDir, 'demo-pki'), new Date());

const images = join(profileDir, 'demo-images');
mkdirSync(images, { recursive: true });
// 300 dpi: the seal (400 px) prints at about 34 mm, a usual seal diameter.
writeFileSync(join(images, 'chu-ky.png'), signaturePng(600, 240, undefined, 300));
writeFileSync(join(images, 'con-dau.png'), sealPng(400, undefined, 300));

openConfSettings(profileDir).update({
  server: { url: serverUrl, username: 'vanthu.snv' },
  tokens: { modulePaths: [pki.softhsm.module] },
  images: { signaturePng: join(images, 'chu-ky.png'), sealPng: join(images, 'con-dau.png') },
  verify: { trustPaths: [pki.rootPem, pki.subPem] },
  organization: { name: 'Sở Nội vụ tỉnh Demo', maDinhDanh: '000.00.01.H99' },
});
console.log(`Hồ sơ demo: ${profileDir}`);
console.log(`Token demo: ${pki.softhsm.tokens.map((t) => `${t.label} (PIN ${t.pin})`).join(', ')}`);
console.log(`Máy chủ: ${serverUrl} (tài khoản vanthu.snv, mật khẩu demo)`);
