import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { errorMessageVi } from '../../../preload/contract/error-messages.vi.ts';
import { VanthuError } from '../../../preload/contract/vanthu-error.ts';
import type { Placement, SignatureRole } from '../../services/pdf/placement.ts';
import { FIELD_NGAY_BAN_HANH, FIELD_SO_KY_HIEU } from '../../services/pdf/sign/fields.ts';
import type { HinhThucSao } from '../../services/pdf/sign/issue-text.ts';
import { readPdfInput } from '../../services/pdf/sign/input.ts';
import type { SignResult } from '../../services/pdf/sign/sign.ts';
import type { Signer } from '../../services/pdf/signer.ts';
import type { PlacementOptions } from '../../services/pdf/layout/types.ts';
import type { CachedRevocation } from '../../services/pdf/verify/revocation-cache.ts';
import { trustStoreCertificates } from '../../services/signing/chain.ts';
import { silentLogger } from '../../services/log/logger.ts';
import { openSigningSession } from '../../services/signing/open-session.ts';
import type { TokenSignerHandle } from '../../services/tokens/open-signer.ts';
import { createTokenService } from '../../services/tokens/token-service.ts';
import { invalid, parseOptions, required } from './args.ts';
import type { CliIo, Command } from './command.ts';
import { readPin } from './pin.ts';

/** "--page N --rect x,y,w,h" (page 1-based, points, origin bottom-left). */
export function parsePlacement(page: string | undefined, rect: string | undefined): Placement | undefined {
  if (page === undefined && rect === undefined) {
    return undefined;
  }
  const pageNumber = Number(page ?? '1');
  const parts = (rect ?? '').split(',').map(Number);
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    throw invalid('Cần --page N (từ 1) và --rect x,y,rộng,cao.');
  }
  const [x, y, width, height] = parts as [number, number, number, number];
  return { pageIndex: pageNumber - 1, rect: { x, y, width, height } };
}

export function printResult(io: CliIo, json: boolean, value: object, human: string): void {
  io.out(json ? `${JSON.stringify({ ok: true, value })}\n` : `${human}\n`);
}

export const TOKEN_OPTIONS = {
  module: { type: 'string' },
  token: { type: 'string' },
  'key-id': { type: 'string' },
  'pin-stdin': { type: 'boolean' },
  /** Trust store files or folders (PEM/DER) the CA chain is completed from. */
  trust: { type: 'string', multiple: true },
} as const;

/**
 * Opens the token once (one login) and hands back its Signer; the PIN is dropped after login.
 * The same opener as the app's (`openSigningSession`): the pre-flight runs first, without the PIN,
 * so an expired certificate, one not meant for signing or a locked token is refused before the
 * token is asked anything that counts against its PIN tries. Tokens usually hold only the leaf,
 * so the chain is completed from the token's CA certificates and the `--trust` files.
 */
export async function openSigner(
  values: { module?: string; token?: string; 'key-id'?: string; trust?: string[] },
  args: readonly string[],
  io: CliIo,
): Promise<TokenSignerHandle> {
  const modulePath = required(values.module, 'module');
  const label = required(values.token, 'token');
  const keyIdHex = required(values['key-id'], 'key-id');
  const trust = values.trust ?? [];
  // Read before the login, so a wrong path fails without touching the token.
  trustStoreCertificates(trust);
  const pin = await readPin(args, io);
  // The CLI signs as the administrator asks: the pre-flight checks the certificate and the
  // token, not which of the two roles the certificate looks like.
  const tokens = createTokenService({ log: silentLogger, userModulePaths: () => [modulePath] });
  try {
    return await openSigningSession(
      { tokens, log: silentLogger, trustPaths: () => trust },
      { modulePath, token: { label }, keyIdHex },
      undefined,
      pin,
    );
  } finally {
    tokens.stop();
  }
}

/** Certificates from a PEM bundle (the CA chain to embed when the token holds only the leaf). */
async function readCertificates(path: string): Promise<Uint8Array[]> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new VanthuError('FILE_NOT_FOUND', errorMessageVi('FILE_NOT_FOUND', path));
  });
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    throw invalid(`Tệp ${path} không chứa chứng thư PEM nào.`);
  }
  return blocks.map((pem) => new Uint8Array(new X509Certificate(pem).raw));
}

const ROLES: readonly SignatureRole[] = ['personal', 'organization', 'appendix', 'copy'];
const HINH_THUC: readonly HinhThucSao[] = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'];

export function parseRole(value: string | undefined): SignatureRole {
  const role = required(value, 'role') as SignatureRole;
  if (!ROLES.includes(role)) {
    throw invalid(`--role phải là một trong: ${ROLES.join(', ')}.`);
  }
  return role;
}

export const SIGN_OPTIONS = {
  role: { type: 'string' },
  image: { type: 'string' },
  page: { type: 'string' },
  rect: { type: 'string' },
  auto: { type: 'boolean' },
  field: { type: 'string' },
  certify: { type: 'string' },
  lock: { type: 'boolean' },
  tsa: { type: 'string' },
  chain: { type: 'string' },
  so: { type: 'string' },
  'hinh-thuc': { type: 'string' },
  'co-quan': { type: 'string' },
  /** Pages of a TRÍCH SAO, 1-based: "1,3". */
  trang: { type: 'string' },
  json: { type: 'boolean' },
  /** PAdES B-LT: a DSS increment with the chain and OCSP/CRL answers after the signature. */
  'long-term': { type: 'boolean' },
} as const;

type SignValues = {
  [K in keyof typeof SIGN_OPTIONS]?: (typeof SIGN_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** Builds the per-file signing operation shared by `sign` and `sign-batch`. */
export async function signOperation(
  values: SignValues & { trust?: string[] },
  signer: Signer,
): Promise<(bytes: Uint8Array, outPath: string) => Promise<SignResult>> {
  const operation = await fileOperation(values, signer);
  if (values['long-term'] !== true) {
    return operation;
  }
  // No profile here: the answers live for this run only (the app shares the verifier's cache).
  const { longTermStep } = await import('../../services/signing/long-term-step.ts');
  const cache = new Map<string, CachedRevocation>();
  return longTermStep(operation, signer, trustStoreCertificates(values.trust ?? []), {
    get: (key) => cache.get(key),
    put: (key, entry) => void cache.set(key, entry),
  });
}

async function fileOperation(
  values: SignValues,
  signer: Signer,
): Promise<(bytes: Uint8Array, outPath: string) => Promise<SignResult>> {
  const role = parseRole(values.role);
  const placement = parsePlacement(values.page, values.rect);
  if (values.auto === true && placement !== undefined) {
    throw invalid('Dùng --auto hoặc --page/--rect, không dùng cả hai.');
  }
  // What only some operations need is loaded when asked for: a single signature is one short
  // process, and pdf.js (--auto), the TSA client or the copy writer would be most of its time.
  const timestamp =
    values.tsa === undefined
      ? undefined
      : (await import('../../services/tsa/client.ts')).tsaTimestampSource({ url: values.tsa });
  const { createAppearance } = await import('../../services/pdf/stamp/appearance.ts');
  const extraCertificates = values.chain === undefined ? undefined : await readCertificates(values.chain);
  const common = {
    signer,
    appearance: createAppearance,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(extraCertificates === undefined ? {} : { extraCertificates }),
  };
  const imagePng = values.image === undefined ? undefined : new Uint8Array(await readFile(values.image));
  // --auto: the layout module reads each file's own text (ND30 boxes); otherwise --page/--rect or none.
  // Appendix and copy text goes in too, so the 10 pt box is sized for the real line, not an example.
  const where = async (
    bytes: Uint8Array,
    text: Pick<PlacementOptions, 'appendixLines' | 'copyLines'> = {},
  ): Promise<{ placement?: Placement; pageRotation?: number }> => {
    if (values.auto !== true) {
      return placement === undefined ? {} : { placement };
    }
    const { bestCandidate, findPlacements } = await import('../../services/pdf/layout/find-placements.ts');
    const proposal = await findPlacements(bytes, {
      ...(imagePng === undefined ? {} : role === 'organization' ? { sealPng: imagePng } : { signaturePng: imagePng }),
      ...text,
    });
    const best = bestCandidate(proposal, role);
    return { placement: best.placement, pageRotation: best.pageRotation };
  };
  if (role === 'appendix') {
    const soKyHieu = required(values.so, 'so');
    const [{ signAppendix }, { appendixLine }] = await Promise.all([
      import('../../services/pdf/sign/appendix.ts'),
      import('../../services/pdf/sign/issue-text.ts'),
    ]);
    return async (bytes, out) => {
      const signingTime = new Date();
      const appendixLines = [appendixLine(soKyHieu, signingTime)];
      return signAppendix(bytes, out, { ...common, ...(await where(bytes, { appendixLines })), soKyHieu, signingTime });
    };
  }
  if (role === 'copy') {
    const hinhThuc = (values['hinh-thuc'] ?? 'SAO Y') as HinhThucSao;
    if (!HINH_THUC.includes(hinhThuc)) {
      throw invalid(`--hinh-thuc phải là một trong: ${HINH_THUC.join(', ')}.`);
    }
    const coQuanSao = required(values['co-quan'], 'co-quan');
    const [{ signCopy }, { copyLine }] = await Promise.all([
      import('../../services/pdf/sign/appendix.ts'),
      import('../../services/pdf/sign/issue-text.ts'),
    ]);
    const pageIndexes = values.trang?.split(',').map((p) => Number(p.trim()) - 1);
    if (pageIndexes !== undefined && pageIndexes.some((i) => !Number.isInteger(i) || i < 0)) {
      throw invalid('--trang là các số trang (từ 1) cách nhau bởi dấu phẩy, ví dụ 1,3.');
    }
    return async (bytes, out) => {
      const signingTime = new Date();
      const copyLines = [copyLine(hinhThuc, coQuanSao, signingTime)];
      return signCopy(bytes, out, {
        ...common,
        // An extract's page 1 may be another page of the original: its box is found on the copy.
        ...(pageIndexes === undefined ? await where(bytes, { copyLines }) : { pageIndexes }),
        hinhThuc,
        coQuanSao,
        signingTime,
      });
    };
  }
  let certify: 1 | 2 | 3 | undefined;
  if (values.certify !== undefined) {
    if (!['1', '2', '3'].includes(values.certify)) {
      throw invalid('--certify phải là 1, 2 hoặc 3.');
    }
    certify = Number(values.certify) as 1 | 2 | 3;
  }
  const { signPdf } = await import('../../services/pdf/sign/sign.ts');
  return async (bytes, out) =>
    signPdf(bytes, out, {
      ...common,
      ...(await where(bytes)),
      role,
      ...(values.field === undefined ? {} : { fieldName: values.field }),
      ...(imagePng === undefined ? {} : { imagePng }),
      ...(certify === undefined ? {} : { certify }),
      ...(values.lock === true ? { lockFields: [FIELD_SO_KY_HIEU, FIELD_NGAY_BAN_HANH] } : {}),
    });
}

export const signCommand: Command = {
  name: 'sign',
  summary: 'Ký số một văn bản PDF bằng USB token (cá nhân, cơ quan, phụ lục, bản sao)',
  usage:
    'vanthu sign --in IN.pdf --out OUT.pdf --module PATH --token LABEL --key-id HEX\n' +
    '            --role personal|organization|appendix|copy [--image PNG] [--page N --rect x,y,w,h | --auto]\n' +
    '            [--field TÊN] [--certify 2] [--lock] [--tsa URL] [--chain CA.pem] [--trust CA.pem|THƯ-MỤC]… [--long-term] [--so SỐ/KÝ-HIỆU] [--hinh-thuc "SAO Y" --co-quan TÊN [--trang 1,3]]\n' +
    '            [--pin-stdin] [--json]\n' +
    'Mã PIN lấy từ biến VANTHU_PIN hoặc dòng đầu của stdin (--pin-stdin).',
  async run(args, { io }) {
    const { values } = parseOptions(args, {
      in: { type: 'string' },
      out: { type: 'string' },
      ...TOKEN_OPTIONS,
      ...SIGN_OPTIONS,
    });
    const inPath = required(values.in, 'in');
    const outPath = required(values.out, 'out');
    const bytes = await readPdfInput(inPath);
    const handle = await openSigner(values, args, io);
    try {
      const operation = await signOperation(values, handle.signer);
      const result = await operation(bytes, outPath);
      printResult(io, values.json === true, { ...result, outPath }, `Đã ký trường "${result.fieldName}": ${outPath}`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
