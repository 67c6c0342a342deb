import { findSignerBlocks, type SignerBlock } from '../../domain/nd30/signer-blocks.ts';
import type { TextLine } from '../../domain/nd30/text-lines.ts';
import { isBold, type DraftPage } from './model.ts';
import { hitAt, isItalic, PL1, pt, sizeIn, type Draft, type RuleHit, type TheThucRule } from './rule.ts';

export const noiNhan: TheThucRule = {
  id: 'noi-nhan',
  source: `${PL1}, Phần II, mục 9`,
  tolerance: '"Nơi nhận:" chữ thường, nghiêng, đậm, cỡ 11–12 (±0,3)',
  check({ pages }) {
    for (const page of pages) {
      const line = page.lines.find((l) => /^Nơi nhận\s*:/iu.test(l.text));
      if (line !== undefined) {
        return !isBold(line) || !isItalic(line) || !sizeIn(line, 11, 12)
          ? [hitAt(page, line, '"Nơi nhận:" phải in nghiêng, đậm, cỡ 12.')]
          : [];
      }
    }
    const last = pages[pages.length - 1];
    return last === undefined ? [] : [{ message: 'Thiếu phần "Nơi nhận:".', pageIndex: last.pageIndex }];
  },
};

/** The signer blocks of the document: on the last page that has one. */
function signerBlocks(draft: Draft): { page: DraftPage; blocks: SignerBlock[] } | undefined {
  for (const page of [...draft.pages].reverse()) {
    const blocks = findSignerBlocks(page.lines);
    if (blocks.length > 0) {
      return { page, blocks };
    }
  }
  return undefined;
}

/**
 * The họ tên line: the finder's, or one set right under the chức vụ (no room left for the
 * signature, so the finder, which wants that room, does not take it).
 */
function nameOf(page: DraftPage, block: SignerBlock): TextLine | undefined {
  const title = block.titleLines[block.titleLines.length - 1];
  if (block.nameLine !== undefined || title === undefined) {
    return block.nameLine;
  }
  return page.lines.find(
    (l) =>
      l.y < title.y - 1 &&
      title.y - l.y <= 2.6 * title.size &&
      Math.min(l.x1, title.x1) - Math.max(l.x0, title.x0) > 0 &&
      l.text !== l.text.toLocaleUpperCase('vi'),
  );
}

/** A short prefix with a dot or slash that is not one of NĐ 30's quyền hạn ("K/T", "T.M."). */
const BAD_AUTHORITY = /^(?!(?:TM|KT|Q|TL|TUQ)\.\s)[\p{Lu}]{1,4}(?:[./][\p{Lu}]{0,3}\.?)+(?=\s)/u;

export const nguoiKy: TheThucRule = {
  id: 'nguoi-ky',
  source: `${PL1}, Phần II, mục 7`,
  tolerance: 'quyền hạn TM./KT./Q./TL./TUQ.; chức vụ in hoa, đậm; họ tên chữ thường, đậm; cỡ 13–14 (±0,3)',
  check(draft) {
    const found = signerBlocks(draft);
    if (found === undefined) {
      // The "K/T" case lands here too: find the capital line that carries it.
      for (const page of draft.pages) {
        const bad = page.lines.find((l) => BAD_AUTHORITY.test(l.text));
        if (bad !== undefined) {
          return [hitAt(page, bad, `Quyền hạn ký viết sai: "${bad.text}" (chỉ dùng TM., KT., Q., TL., TUQ.).`)];
        }
      }
      const last = draft.pages[draft.pages.length - 1];
      return last === undefined
        ? []
        : [{ message: 'Không thấy khối chức vụ và họ tên người ký.', pageIndex: last.pageIndex }];
    }
    const { page, blocks } = found;
    const hits: RuleHit[] = [];
    for (const block of blocks) {
      for (const line of block.titleLines) {
        if (BAD_AUTHORITY.test(line.text)) {
          hits.push(hitAt(page, line, `Quyền hạn ký viết sai: "${line.text}" (chỉ dùng TM., KT., Q., TL., TUQ.).`));
        }
        if (!isBold(line) || !sizeIn(line, 13, 14)) {
          hits.push(hitAt(page, line, 'Quyền hạn, chức vụ người ký phải in hoa, đậm, cỡ 13–14.'));
        }
      }
      const name = nameOf(page, block);
      if (name === undefined) {
        const title = block.titleLines[block.titleLines.length - 1];
        if (title !== undefined) {
          hits.push(hitAt(page, title, 'Thiếu họ tên người ký dưới chức vụ.'));
        }
      } else if (!isBold(name) || !sizeIn(name, 13, 14)) {
        hits.push(hitAt(page, name, 'Họ tên người ký phải in đậm, cỡ 13–14.'));
      }
    }
    // A block the finder left out because of its prefix.
    for (const line of page.lines) {
      if (BAD_AUTHORITY.test(line.text) && !hits.some((h) => h.message.includes(line.text))) {
        hits.push(hitAt(page, line, `Quyền hạn ký viết sai: "${line.text}" (chỉ dùng TM., KT., Q., TL., TUQ.).`));
      }
    }
    return hits;
  },
};

/** Height the signature image needs between chức vụ and họ tên (the app draws it 2.5:1). */
const MIN_GAP_MM = 12;

export const choKy: TheThucRule = {
  id: 'cho-ky',
  source: `${PL1}, Phần II, mục 7 và 8 (chữ ký số, hình dấu giữa chức vụ và họ tên)`,
  tolerance: `khoảng trống giữa dòng chức vụ và họ tên ít nhất ${MIN_GAP_MM} mm`,
  check(draft) {
    const found = signerBlocks(draft);
    if (found === undefined) {
      return [];
    }
    const hits: RuleHit[] = [];
    for (const block of found.blocks) {
      const title = block.titleLines[block.titleLines.length - 1];
      const name = nameOf(found.page, block);
      if (title === undefined || name === undefined) {
        continue;
      }
      const gap = title.y - 0.22 * title.size - (name.y + 0.9 * name.size);
      if (gap < pt(MIN_GAP_MM)) {
        hits.push(
          hitAt(
            found.page,
            title,
            `Chỗ ký chỉ cao ${(gap / pt(1)).toFixed(0)} mm, cần ít nhất ${MIN_GAP_MM} mm cho chữ ký và dấu.`,
          ),
        );
      }
    }
    return hits;
  },
};
