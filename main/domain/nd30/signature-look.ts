import type { Rect } from './rect.ts';

/**
 * Personal or organization signature as NĐ 30/2020 Phụ lục I, Phần II draws them: the leader's
 * signature image is blue, centred between chức vụ and họ tên (mục 7.c); the organization's is
 * the red seal at its real size, covering about the left third of the leader's signature image
 * (mục 8.b). Pure: the facts come from the PDF reader (`services/incoming/signature-appearance.ts`).
 */
export const PL1_SOURCE = 'NĐ 30/2020/NĐ-CP, Phụ lục I, Phần II';

/** What the images of one signature's appearance mostly are. */
export type Ink = 'red' | 'blue' | 'dark' | 'none' | 'unreadable';

export interface SignatureLookFacts {
  readonly field: string;
  /** 1-based; null when the widget is on no page. */
  readonly page: number | null;
  /** The widget's rectangle in the page's user space; null when it has none or is empty. */
  readonly rect: Rect | null;
  readonly ink: Ink;
}

/** The rules the appearance is judged by, named after the Phụ lục I items they apply. */
export const LOOK_RULES = {
  ND30_PL1_7C_CHU_KY_MAU_XANH: {
    kind: 'personal',
    source: `${PL1_SOURCE}, mục 7.c`,
    says: 'hình ảnh chữ ký màu xanh',
  },
  ND30_PL1_8B_DAU_MAU_DO: {
    kind: 'organization',
    source: `${PL1_SOURCE}, mục 8.b`,
    says: 'hình ảnh dấu màu đỏ',
  },
  ND30_PL1_8B_DAU_TRUM_1_3_BEN_TRAI: {
    kind: 'organization',
    source: `${PL1_SOURCE}, mục 8.b`,
    says: 'đặt trùm lên khoảng 1/3 bên trái hình chữ ký của người có thẩm quyền',
  },
  ND30_PL1_7C_BI_DAU_TRUM_BEN_TRAI: {
    kind: 'personal',
    source: `${PL1_SOURCE}, mục 7.c và 8.b`,
    says: 'là hình chữ ký có hình dấu trùm lên phần bên trái',
  },
} as const;
export type LookRule = keyof typeof LOOK_RULES;
export type LookKind = 'personal' | 'organization' | 'unknown';

export interface SignatureLook {
  readonly field: string;
  readonly kind: LookKind;
  /** The rules that matched, in the order they were applied; empty when nothing is telling. */
  readonly rules: readonly LookRule[];
  /** The look in Vietnamese, for the clerk ("hình ảnh dấu màu đỏ, trang 2"). */
  readonly description: string;
}

/**
 * How far the seal's right edge may be from one third of the signature's width, as a share of
 * that width: a hand-placed seal is seldom exact, and NĐ 30 itself says "khoảng 1/3".
 */
const THIRD_TOLERANCE = 0.2;

function overlapY(a: Rect, b: Rect): number {
  return Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
}

/**
 * `seal` sits as mục 8.b places the seal over `signature`: same page, overlapping vertically, its
 * left edge left of the signature, its right edge about a third into the signature.
 */
export function coversLeftThird(seal: Rect, signature: Rect): boolean {
  if (signature.width <= 0 || seal.width <= 0 || overlapY(seal, signature) <= 0) {
    return false;
  }
  const right = seal.x + seal.width;
  const third = signature.x + signature.width / 3;
  return seal.x < signature.x && Math.abs(right - third) <= signature.width * THIRD_TOLERANCE;
}

function inkRule(ink: Ink): LookRule | null {
  if (ink === 'red') {
    return 'ND30_PL1_8B_DAU_MAU_DO';
  }
  return ink === 'blue' ? 'ND30_PL1_7C_CHU_KY_MAU_XANH' : null;
}

const INK_VI: Readonly<Record<Ink, string>> = {
  red: 'hình ảnh chủ yếu màu đỏ',
  blue: 'hình ảnh chủ yếu màu xanh',
  dark: 'hình ảnh không phải màu đỏ hay xanh',
  none: 'không có hình ảnh',
  unreadable: 'hình ảnh không đọc được màu',
};

/**
 * The kind each signature's appearance suggests. Colour decides first; placement (one widget
 * over the left third of another on the same page) decides where colour says nothing, and two
 * rules that point different ways leave the kind unknown rather than guessing.
 */
export function signatureLooks(facts: readonly SignatureLookFacts[]): SignatureLook[] {
  const placed = new Map<string, LookRule>();
  for (const seal of facts) {
    for (const signature of facts) {
      if (
        seal !== signature &&
        seal.rect !== null &&
        signature.rect !== null &&
        seal.page !== null &&
        seal.page === signature.page &&
        coversLeftThird(seal.rect, signature.rect)
      ) {
        placed.set(seal.field, 'ND30_PL1_8B_DAU_TRUM_1_3_BEN_TRAI');
        if (!placed.has(signature.field)) {
          placed.set(signature.field, 'ND30_PL1_7C_BI_DAU_TRUM_BEN_TRAI');
        }
      }
    }
  }
  return facts.map((fact) => {
    const rules = [inkRule(fact.ink), placed.get(fact.field) ?? null].filter((r): r is LookRule => r !== null);
    const kinds = new Set(rules.map((rule) => LOOK_RULES[rule].kind));
    const kind: LookKind = kinds.size === 1 ? ([...kinds][0] as LookKind) : 'unknown';
    const parts = [INK_VI[fact.ink], ...rules.filter((r) => inkRule(fact.ink) !== r).map((r) => LOOK_RULES[r].says)];
    if (fact.page !== null) {
      parts.push(`trang ${fact.page}`);
    }
    return { field: fact.field, kind, rules, description: parts.join(', ') };
  });
}
