import { buildPki } from '../tests/support/pki/build.ts';

/*
 * Builds the demo profile's PKI and SoftHSM2 tokens (the same declaration as the tests), so a
 * fresh machine can sign without a USB token. Not for production: the keys are throw-away.
 */
const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: node scripts/demo-pki.ts DIR');
  process.exit(64);
}
const pki = await buildPki(dir);
console.log(`Token demo: ${pki.softhsm.tokens.map((t) => `${t.label} (PIN ${t.pin})`).join(', ')}`);
