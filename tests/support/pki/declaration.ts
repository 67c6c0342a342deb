/**
 * THE test PKI, declared once. Everything that needs certificates in tests (tokens, signing,
 * verification, the TSA, the demo profile) is built from this by `build.ts`.
 * Subjects carry real Vietnamese text and the UID forms Vietnamese CAs use (CMND/CCCD/MST).
 */
export type KeySpec = 'rsa2048' | 'ec-p256';
export type Validity = 'current' | 'expired' | 'expiring-soon';

export interface CertDecl {
  readonly id: string;
  readonly issuer: 'root' | 'sub';
  /** Attribute list in order; `UID` is 0.9.2342.19200300.100.1.1. */
  readonly subject: ReadonlyArray<readonly [string, string]>;
  readonly key: KeySpec;
  readonly validity: Validity;
  readonly keyUsage: ReadonlyArray<'digitalSignature' | 'nonRepudiation' | 'keyEncipherment'>;
  readonly extKeyUsage: ReadonlyArray<string>;
}

export interface TokenDecl {
  readonly label: string;
  readonly pin: string;
  readonly soPin: string;
  /** Certificate ids placed on this token; CKA_ID is the position + 1, as two hex digits. */
  readonly keys: readonly string[];
}

export const EKU_EMAIL = '1.3.6.1.5.5.7.3.4';
export const EKU_DOCUMENT_SIGNING = '1.3.6.1.4.1.311.10.3.12';
export const EKU_TIMESTAMPING = '1.3.6.1.5.5.7.3.8';

const signing = ['digitalSignature', 'nonRepudiation'] as const;
const signingEku = [EKU_EMAIL, EKU_DOCUMENT_SIGNING];

export const pkiDeclaration = {
  root: {
    subject: [
      ['C', 'VN'],
      ['O', 'Văn thư số - Kiểm thử'],
      ['CN', 'Vanthu Test Root CA'],
    ] as const,
  },
  sub: {
    subject: [
      ['C', 'VN'],
      ['O', 'Văn thư số - Kiểm thử'],
      ['CN', 'Vanthu Test Sub CA'],
    ] as const,
  },
  certificates: [
    {
      id: 'person',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['ST', 'Tỉnh X'],
        ['L', 'Thành phố Y'],
        ['CN', 'Nguyễn Văn A'],
        ['UID', 'CMND:012345678'],
      ],
      key: 'rsa2048',
      validity: 'current',
      keyUsage: signing,
      extKeyUsage: signingEku,
    },
    {
      id: 'org',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['ST', 'Tỉnh X'],
        ['O', 'ỦY BAN NHÂN DÂN TỈNH X'],
        ['CN', 'ỦY BAN NHÂN DÂN TỈNH X'],
        ['UID', 'MST:0101234567'],
      ],
      key: 'rsa2048',
      validity: 'current',
      keyUsage: signing,
      extKeyUsage: signingEku,
    },
    {
      id: 'person-ec',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['ST', 'Tỉnh X'],
        ['CN', 'Trần Thị Bình'],
        ['UID', 'CCCD:001088012345'],
      ],
      key: 'ec-p256',
      validity: 'current',
      keyUsage: signing,
      extKeyUsage: signingEku,
    },
    {
      id: 'expired',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['CN', 'Lê Văn Hết Hạn'],
        ['UID', 'CMND:099999999'],
      ],
      key: 'rsa2048',
      validity: 'expired',
      keyUsage: signing,
      extKeyUsage: signingEku,
    },
    {
      id: 'expiring',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['CN', 'Phạm Sắp Hết Hạn'],
        ['UID', 'CMND:088888888'],
      ],
      key: 'rsa2048',
      validity: 'expiring-soon',
      keyUsage: signing,
      extKeyUsage: signingEku,
    },
    {
      id: 'wrong-usage',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['CN', 'Đỗ Chỉ Mã Hóa'],
        ['UID', 'CMND:077777777'],
      ],
      key: 'rsa2048',
      validity: 'current',
      keyUsage: ['keyEncipherment'],
      extKeyUsage: [EKU_EMAIL],
    },
    {
      id: 'tsa',
      issuer: 'sub',
      subject: [
        ['C', 'VN'],
        ['O', 'Văn thư số - Kiểm thử'],
        ['CN', 'Vanthu Test TSA'],
      ],
      key: 'rsa2048',
      validity: 'current',
      keyUsage: signing,
      extKeyUsage: [EKU_TIMESTAMPING],
    },
  ] satisfies readonly CertDecl[],
  tokens: [
    {
      label: 'VanthuLanhDao',
      pin: '123456',
      soPin: '87654321',
      keys: ['person', 'person-ec', 'expired', 'expiring', 'wrong-usage'],
    },
    { label: 'VanthuCoQuan', pin: '654321', soPin: '87654321', keys: ['org'] },
  ] satisfies readonly TokenDecl[],
} as const;

export type CertId = (typeof pkiDeclaration.certificates)[number]['id'];
export type TokenLabel = (typeof pkiDeclaration.tokens)[number]['label'];
