import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of the test PKI (tests/support/pki/build.ts) this fixture uses. */
interface PkiMaterial {
  readonly chainPem: string;
  readonly nssDir: string;
  readonly certs: Readonly<Record<string, { readonly token?: { readonly label: string; readonly keyIdHex: string } }>>;
  readonly softhsm: {
    readonly conf: string;
    readonly module: string;
    readonly tokens: ReadonlyArray<{ readonly label: string; readonly pin: string }>;
  };
}

/*
 * The PKI builder is loaded in a child Node process: its Node webcrypto types clash with the DOM
 * types this Playwright project compiles against, and the child keeps the spec's process lean.
 */
function buildPki(dir: string): PkiMaterial {
  // The app under test reads the wall clock, so the anchor here is the real now (anchor.ts).
  const program = `import { buildPki } from './tests/support/pki/build.ts';
import { runAnchor } from './tests/support/clock/anchor.ts';
process.stdout.write(JSON.stringify(await buildPki(process.argv[1], runAnchor())));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', program, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString('utf8')) as PkiMaterial;
}

export interface SignedFixture {
  readonly pki: PkiMaterial;
  /** A Quyết định signed by the leader (personal) and then by the organization (seal). */
  readonly signedPdf: string;
  /** The same signed by the leader only: never sealed by the organization. */
  readonly personalPdf: string;
  readonly unsignedPdf: string;
}

/**
 * Build the declared test PKI with its SoftHSM2 tokens and sign a real fixture PDF with the
 * `vanthu sign` CLI, as a sending office would: the incoming document of the e2e day.
 */
export function makeSignedFixture(): SignedFixture {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-pki-'));
  const pki = buildPki(dir);
  const unsignedPdf = 'tests/fixtures/pdf/lo-qd-kt-1.pdf';
  const personalPdf = join(dir, 'qd-personal.pdf');
  const signedPdf = join(dir, 'qd-signed.pdf');
  const env = { ...process.env, SOFTHSM2_CONF: pki.softhsm.conf };
  const sign = (input: string, output: string, certId: 'person' | 'org', role: string, rect: string): void => {
    const onToken = pki.certs[certId]?.token;
    const token = pki.softhsm.tokens.find((t) => t.label === onToken?.label);
    if (onToken === undefined || token === undefined) {
      throw new Error(`no token for ${certId}`);
    }
    execFileSync(
      process.execPath,
      [
        'main/cli/bin.ts',
        'sign',
        ...['--in', input, '--out', output, '--module', pki.softhsm.module],
        ...['--token', onToken.label, '--key-id', onToken.keyIdHex, '--role', role],
        // Fixed boxes: this fixture only needs valid signatures, not ND30 placement.
        ...['--page', '1', '--rect', rect],
      ],
      { env: { ...env, VANTHU_PIN: token.pin }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  };
  sign(unsignedPdf, personalPdf, 'person', 'personal', '330,120,180,70');
  sign(personalPdf, signedPdf, 'org', 'organization', '300,100,100,100');
  return { pki, signedPdf, personalPdf, unsignedPdf };
}
