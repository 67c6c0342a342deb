import { describe, expect, it } from 'vitest';
import { readMetadata, type MetadataFieldName } from '../../../main/services/metadata/read-metadata.ts';
import { readDraft } from '../../../main/services/the-thuc/read-draft.ts';
import { CATALOG } from '../../support/corpus/catalog.ts';
import { legacyTypesetting, tcvn3Spelling, type LegacyName } from '../../support/corpus/legacy-typesetting.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import type { DocumentSpec } from '../../support/corpus/spec.ts';
import { writeDocument } from '../../support/corpus/write-document.ts';

/** Five types: quyết định, công văn, tờ trình, thông báo, giấy mời (joint). */
const IDS = ['qd-kt-1', 'cv-kt-1', 'tt-tm-1', 'tb-tl-1', 'gm-lien-2'];
const SPECS = IDS.map((id) => CATALOG.find((s) => s.id === id) as DocumentSpec);
/** The number with its year, which the old page-1 regex misread. */
const YEAR_FORM: DocumentSpec = { ...(SPECS[0] as DocumentSpec), id: 'qd-nam', soKyHieu: '69/2024/QĐ-UBND' };

/** What each field should read; a TCVN3 document spells "Ủy" as its typist could ("Uỷ"). */
function expected(spec: DocumentSpec, encoding: LegacyName): Partial<Record<MetadataFieldName, string>> {
  const so = /^\d+/.exec(spec.soKyHieu)?.[0] ?? '';
  const [day = '', month = '', year = ''] = /ngày (\d+) tháng (\d+) năm (\d+)/.exec(spec.diaDanhNgay)?.slice(1) ?? [];
  const signer = spec.signers[spec.signers.length - 1];
  return {
    so,
    kyHieu: spec.soKyHieu.slice(so.length + 1),
    ngayBanHanh: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
    trichYeu: encoding === 'tcvn3' ? tcvn3Spelling(spec.trichYeu) : spec.trichYeu,
    tenLoai: spec.tenLoai.charAt(0) + spec.tenLoai.slice(1).toLocaleLowerCase('vi'),
    nguoiKy: signer?.name ?? '',
    noiNhan: '- Như trên;\n- Lưu: VT, VP.',
  };
}

describe('incoming PDFs typed in TCVN3 (ABC) and VNI: read as Unicode (#21 point 4)', () => {
  for (const encoding of ['tcvn3', 'vni'] as const satisfies readonly LegacyName[]) {
    it(`${encoding}: the metadata reader gets số, date and trích yếu right on five types and the year form`, async () => {
      let right = 0;
      let total = 0;
      const wrong: string[] = [];
      for (const spec of [...SPECS, YEAR_FORM]) {
        const doc = await writeDocument(spec, legacyTypesetting(encoding));
        const pages = await readDraft(doc.bytes);
        // The text layer itself is mojibake: "Céng hßa" / "Coäng hoøa" until converted.
        const legacy = pages[0]?.items.filter((i) => i.legacy?.encoding === encoding) ?? [];
        expect(legacy.length, spec.id).toBeGreaterThan(5);
        const read = readMetadata(pages);
        for (const [name, want] of Object.entries(expected(spec, encoding)) as Array<[MetadataFieldName, string]>) {
          total += 1;
          if (read[name]?.value === want.normalize('NFC')) {
            right += 1;
          } else {
            wrong.push(`${spec.id} ${name}: read ${JSON.stringify(read[name]?.value)}, want ${JSON.stringify(want)}`);
          }
        }
        // số, date and trích yếu: every document, exactly.
        for (const name of ['so', 'kyHieu', 'ngayBanHanh', 'trichYeu'] as const) {
          expect(read[name]?.value, `${spec.id} ${name}`).toBe(expected(spec, encoding)[name]?.normalize('NFC'));
        }
      }
      console.log(`${encoding}: ${right}/${total} fields exact${wrong.length > 0 ? `\n${wrong.join('\n')}` : ''}`);
      expect(right / total).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('leaves a Unicode document exactly as it is (no item marked, text unchanged)', async () => {
    const doc = await makeDocument();
    const pages = await readDraft(doc.bytes);
    expect(pages.flatMap((p) => p.items).filter((i) => i.legacy !== undefined)).toEqual([]);
    expect(readMetadata(pages).trichYeu?.value).toBe(doc.spec.trichYeu);
  });
});
