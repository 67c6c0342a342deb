import { describe, expect, it } from 'vitest';
import { coversLeftThird, signatureLooks, type SignatureLookFacts } from '../../../main/domain/nd30/signature-look.ts';
import { checkedSignatures, signatureFindings } from '../../../main/services/incoming/signature-findings.ts';
import type { VerifyReport } from '../../../preload/contract/verify.ts';

const signature = { x: 330, y: 170, width: 150, height: 60 };
// NĐ 30 Phụ lục I, Phần II, mục 8.b: the seal's right part over the left third of the signature.
const seal = { x: 270, y: 150, width: 110, height: 100 };

const fact = (field: string, ink: SignatureLookFacts['ink'], rect = signature, page: number | null = 1) => ({
  field,
  page,
  rect,
  ink,
});

describe('the NĐ 30 Phụ lục I look of a signature', () => {
  it('places the seal over about the left third of the leader’s signature, and nothing else', () => {
    expect(coversLeftThird(seal, signature)).toBe(true);
    // Right of the signature, beside it, or over its middle: not the seal's place.
    expect(coversLeftThird({ ...seal, x: 500 }, signature)).toBe(false);
    expect(coversLeftThird({ ...seal, x: 200 }, signature)).toBe(false);
    expect(coversLeftThird({ ...seal, x: 330 }, signature)).toBe(false);
    expect(coversLeftThird({ ...seal, y: 400 }, signature)).toBe(false);
  });

  it('red is the seal, blue the leader’s signature; placement alone decides when colour says nothing', () => {
    const looks = signatureLooks([fact('A', 'blue'), fact('B', 'red', seal)]);
    expect(looks.map((l) => [l.field, l.kind])).toEqual([
      ['A', 'personal'],
      ['B', 'organization'],
    ]);
    expect(looks[1]?.rules).toEqual(['ND30_PL1_8B_DAU_MAU_DO', 'ND30_PL1_8B_DAU_TRUM_1_3_BEN_TRAI']);
    expect(looks[1]?.description).toContain('trang 1');

    const placedOnly = signatureLooks([fact('A', 'dark'), fact('B', 'none', seal)]);
    expect(placedOnly.map((l) => l.kind)).toEqual(['personal', 'organization']);
    // On another page the two widgets say nothing about each other.
    const apart = signatureLooks([fact('A', 'dark'), fact('B', 'none', seal, 2)]);
    expect(apart.map((l) => l.kind)).toEqual(['unknown', 'unknown']);
  });

  it('rules that point different ways leave the look unknown rather than guessing', () => {
    const looks = signatureLooks([fact('A', 'blue'), fact('B', 'blue', seal)]);
    expect(looks[1]?.kind).toBe('unknown');
    expect(looks[1]?.rules).toEqual(['ND30_PL1_7C_CHU_KY_MAU_XANH', 'ND30_PL1_8B_DAU_TRUM_1_3_BEN_TRAI']);
  });
});

function report(...signers: Array<{ field: string; subject: string; cn: string; o: string }>): VerifyReport {
  return {
    verdict: 'valid',
    signatures: signers.map((s) => ({
      kind: 'signature',
      field: s.field,
      verdict: 'valid',
      signer: { subject: s.subject, commonName: s.cn, organization: s.o },
    })),
  } as unknown as VerifyReport;
}

const ORG = 'ỦY BAN NHÂN DÂN TỈNH X';
const leader = { field: 'A', subject: 'CN=Nguyễn Văn A,UID=CMND:012345678', cn: 'Nguyễn Văn A', o: '' };
const organization = { field: 'B', subject: `CN=${ORG},O=${ORG},UID=MST:0101234567`, cn: ORG, o: ORG };

describe('certificate profile and appearance together', () => {
  it('agreeing: the certificate decides and the basis names both', () => {
    const looks = signatureLooks([fact('A', 'blue'), fact('B', 'red', seal)]);
    const signatures = checkedSignatures(report(leader, organization), looks);
    expect(signatures.map((s) => s.kind)).toEqual(['personal', 'organization']);
    expect(signatures[1]?.basis).toMatch(/mã số thuế.*NĐ 30\/2020\/NĐ-CP, Phụ lục I, Phần II, mục 8\.b/u);
    expect(signatureFindings(report(leader, organization), signatures, ORG)).toEqual([]);
  });

  it('an organization certificate drawn as the leader’s blue signature is said, in Vietnamese, with the rule', () => {
    const looks = signatureLooks([fact('B', 'blue')]);
    const signatures = checkedSignatures(report(organization), looks);
    expect(signatures[0]?.kind).toBe('organization');
    expect(signatures[0]?.appearance?.kind).toBe('personal');
    const findings = signatureFindings(report(organization), signatures, ORG);
    const mismatch = findings.find((f) => f.code === 'SIGNATURE_KIND_MISMATCH');
    expect(mismatch?.severity).toBe('indeterminate');
    expect(mismatch?.message).toBe(
      `Chữ ký "B" dùng chứng thư số của cơ quan, tổ chức (${ORG}) nhưng hình thức thể hiện lại là chữ ký của ` +
        'người có thẩm quyền (hình ảnh chủ yếu màu xanh, trang 1) theo NĐ 30/2020/NĐ-CP, Phụ lục I, Phần II, mục 7.c.',
    );
  });

  it('a certificate that says nothing takes the kind of its appearance', () => {
    const anonymous = { field: 'B', subject: 'CN=Văn thư,O=Sở X', cn: 'Văn thư', o: 'Sở X' };
    const signatures = checkedSignatures(
      report(leader, anonymous),
      signatureLooks([fact('A', 'blue'), fact('B', 'red', seal)]),
    );
    expect(signatures[1]?.kind).toBe('organization');
    expect(signatures[1]?.basis).toMatch(/^hình thức thể hiện theo NĐ 30/u);
    // Without the appearance the same certificate is "unknown", and the seal is reported missing.
    expect(checkedSignatures(report(leader, anonymous))[1]?.kind).toBe('unknown');
  });
});
