import { centreX, type TextLine } from './text-lines.ts';

/**
 * Finding signer blocks (ô 7a/7b): authority prefix and chức vụ lines in capitals, the name in
 * ordinary case below them with room for the signature in between. Every block found is
 * returned with what matched, so the UI can show why a place was proposed.
 */
export interface SignerBlock {
  /** Capital lines of the block, top to bottom; the last one is the chức vụ line. */
  readonly titleLines: readonly TextLine[];
  readonly nameLine: TextLine | undefined;
  readonly authority: string | undefined;
  readonly confidence: number;
  readonly evidence: readonly string[];
}

const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*\S/u;
const TITLE_WORDS = [
  'CHỦ TỊCH',
  'GIÁM ĐỐC',
  'TRƯỞNG',
  'CHÁNH',
  'BÍ THƯ',
  'THỦ TƯỚNG',
  'HIỆU TRƯỞNG',
  'PHÓ',
  'ỦY VIÊN',
  'THƯ KÝ',
  'CHỦ NHIỆM',
  'VIỆN TRƯỞNG',
  'KẾ TOÁN',
];
const NOT_TITLES = ['CỘNG HÒA', 'CỘNG HOÀ', 'QUYẾT ĐỊNH', 'THÔNG BÁO', 'TỜ TRÌNH', 'GIẤY MỜI', 'CÔNG VĂN', 'NƠI NHẬN'];
/** Centres of lines of one block lie within this of each other (signing-notes §9). */
const SAME_COLUMN = 60;
/** The name sits at most this far below the chức vụ line (signature gap plus slack). */
const MAX_NAME_DROP = 200;
/** Word templates often put 6–12 pt after each paragraph, so block lines can be 2.3 em apart. */
const RUN_SPACING = 2.6;
const MIN_NAME_DROP = 25;

function isCapitals(line: TextLine): boolean {
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

function isTitleLike(line: TextLine): boolean {
  if (!isCapitals(line)) {
    return false;
  }
  if (hasWord(line, NOT_TITLES)) {
    return false;
  }
  return AUTHORITY.test(line.text) || hasWord(line, TITLE_WORDS);
}

/** Compared without spaces: some producers drop them ("PHÓ CHỦTỊCH"). */
function hasWord(line: TextLine, words: readonly string[]): boolean {
  return words.some((w) => line.key.includes(w.replace(/\s+/g, '')));
}

/**
 * "Nguyễn Thị Loan": 2–6 capitalised words. Also accepted: a rank before the name as the armed
 * forces write it ("Đại tá Nguyễn Văn An", lower-case words only before the capitalised ones),
 * and a name in capitals, which some houses use, as long as it is no chức vụ.
 */
function isNameLike(line: TextLine): boolean {
  const words = line.text.split(' ').filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 8 || /[:;,]$/.test(line.text) || !/^\p{Lu}/u.test(line.text)) {
    return false;
  }
  if (isCapitals(line)) {
    return words.length <= 6 && !AUTHORITY.test(line.text) && !hasWord(line, TITLE_WORDS) && !hasWord(line, NOT_TITLES);
  }
  const capitalised = (w: string) => /^\p{Lu}\p{Ll}*\.?$/u.test(w);
  const firstName = words.findIndex((w, i) => i > 0 && capitalised(w) && words.slice(i).every(capitalised));
  const nameWords = words.length - (firstName === -1 ? words.length : firstName);
  return words.every(capitalised) ? words.length <= 6 : nameWords >= 2 && firstName <= 2;
}

/** Signer blocks on one page, top to bottom then left to right. */
export function findSignerBlocks(lines: readonly TextLine[], expectedName?: string): SignerBlock[] {
  const used = new Set<TextLine>();
  const blocks: SignerBlock[] = [];
  const expected = expectedName?.normalize('NFC').toUpperCase().replace(/\s+/g, '');
  for (const start of lines) {
    if (used.has(start) || !isTitleLike(start)) {
      continue;
    }
    const titleLines = collectTitleRun(lines, start);
    for (const l of titleLines) {
      used.add(l);
    }
    const last = titleLines[titleLines.length - 1] ?? start;
    const nameLine = findNameBelow(lines, last, expected);
    if (nameLine !== undefined) {
      used.add(nameLine);
    }
    // A capital line with neither a quyền hạn prefix nor a name under it is a heading, not a block.
    if (nameLine === undefined && !titleLines.some((l) => AUTHORITY.test(l.text))) {
      continue;
    }
    blocks.push(score(titleLines, nameLine, expected));
  }
  return blocks;
}

/** The start line and the capital lines directly under it in the same column. */
function collectTitleRun(lines: readonly TextLine[], start: TextLine): TextLine[] {
  const run = [start];
  let current = start;
  for (;;) {
    const next = lines.find(
      (l) =>
        l !== current &&
        l.y < current.y &&
        current.y - l.y <= current.size * RUN_SPACING &&
        Math.abs(centreX(l) - centreX(start)) <= SAME_COLUMN &&
        isCapitals(l) &&
        !hasWord(l, NOT_TITLES),
    );
    if (next === undefined) {
      return run;
    }
    run.push(next);
    current = next;
  }
}

function findNameBelow(
  lines: readonly TextLine[],
  title: TextLine,
  expected: string | undefined,
): TextLine | undefined {
  const below = lines
    .filter(
      (l) =>
        l.y < title.y - MIN_NAME_DROP &&
        title.y - l.y <= MAX_NAME_DROP &&
        Math.abs(centreX(l) - centreX(title)) <= SAME_COLUMN,
    )
    .sort((a, b) => b.y - a.y);
  if (expected !== undefined) {
    const exact = below.find((l) => l.key === expected);
    if (exact !== undefined) {
      return exact;
    }
  }
  // The first line below the gap must be the name; anything else means the gap holds text.
  const first = below[0];
  return first !== undefined && isNameLike(first) ? first : undefined;
}

function score(
  titleLines: readonly TextLine[],
  nameLine: TextLine | undefined,
  expected: string | undefined,
): SignerBlock {
  const evidence: string[] = [];
  let confidence = 0.35;
  const authorityLines = titleLines.filter((l) => AUTHORITY.test(l.text));
  const authority = authorityLines[0]?.text.match(AUTHORITY)?.[1];
  if (authorityLines.length > 0) {
    confidence += 0.2;
    evidence.push(`quyền hạn: "${authorityLines.map((l) => l.text).join(' / ')}"`);
  }
  const chucVu = titleLines.filter((l) => !AUTHORITY.test(l.text));
  const shown = chucVu.length > 0 ? chucVu : titleLines.slice(-1);
  evidence.push(`chức vụ: "${shown.map((l) => l.text).join(' / ')}"`);
  if (titleLines.some((l) => hasWord(l, TITLE_WORDS))) {
    confidence += 0.1;
  }
  if (nameLine !== undefined) {
    confidence += 0.3;
    evidence.push(`họ tên: "${nameLine.text}"`);
    if (expected !== undefined && nameLine.key === expected) {
      confidence += 0.05;
    }
  } else {
    evidence.push('không thấy dòng họ tên dưới chức vụ');
  }
  return { titleLines, nameLine, authority, confidence: Math.min(1, confidence), evidence };
}
