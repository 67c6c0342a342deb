import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadLazy } from '../../../main/services/pdf/sign/lazy-load.ts';
import { pageCount, pageRefAt } from '../../../main/services/pdf/sign/pages.ts';
import { Increment } from '../../../main/services/pdf/sign/increment.ts';
import { readXrefInfo } from '../../../main/services/pdf/sign/xref-info.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { rewrite, tempDir } from './flow-support.ts';

describe('lazy loading (the fast path) on files from several producers', () => {
  it.each(['classic', 'linearize', 'objstm', 'mutool-clean', 'pdftocairo'] as const)(
    'reads %s output without the full parse and finds the same pages',
    async (producer) => {
      const doc = await makeDocument({ extraParagraphs: 60 });
      const bytes = rewrite(producer, doc.bytes, tempDir());
      const lazy = loadLazy(bytes, readXrefInfo(bytes).startXref);
      expect(lazy).toBeDefined();
      const full = await PDFDocument.load(bytes, { updateMetadata: false });
      const inc = await Increment.open(bytes);
      expect(pageCount(inc)).toBe(full.getPageCount());
      expect(full.getPageCount()).toBeGreaterThan(1);
      for (let i = 0; i < full.getPageCount(); i += 1) {
        expect(pageRefAt(inc, i).toString()).toBe(full.getPage(i).ref.toString());
      }
    },
  );
});
