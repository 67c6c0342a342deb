import { X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { errorMessageVi } from '../../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../../preload/contract/vanthu-error.ts';

const CERT_EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der']);

function parseCertificates(bytes: Buffer): X509Certificate[] {
  const text = bytes.toString('latin1');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (blocks !== null) {
    return blocks.map((b) => new X509Certificate(b));
  }
  return [new X509Certificate(bytes)];
}

/**
 * The trust anchors: PEM (one or many certificates) or DER files, or folders of them. The
 * administrator imports the national root and the VGCA roots here; tests use the test PKI root.
 * A path that does not exist is an error (a silent empty store would make every signature untrusted).
 */
export function loadTrustStore(paths: readonly string[]): X509Certificate[] {
  const anchors: X509Certificate[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((f) => CERT_EXTENSIONS.has(extname(f).toLowerCase()))
            .map((f) => join(path, f))
        : [path];
    } catch (cause) {
      throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', path), { cause, details: { path } });
    }
    for (const file of files) {
      try {
        anchors.push(...parseCertificates(readFileSync(file)));
      } catch (cause) {
        throw new VanthuError('INVALID_INPUT', `Tệp chứng thư gốc không đọc được: ${file}`, {
          cause,
          details: { path: file },
        });
      }
    }
  }
  return anchors;
}
