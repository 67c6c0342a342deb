import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import { findPlacements } from '../../../main/services/pdf/layout/find-placements.ts';
import { autoPrepareOptions, prepareFields } from '../../../main/services/signing/prepare.ts';
import { PrepareRequestSchema } from '../../../preload/contract/signing.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { read, tempDir } from './flow-support.ts';
import { issueAuto } from './issue-support.ts';

const pki = usePki();

/** A Quyết định whose date line the layout module cannot read (no place name and comma). */
async function withoutDateLine(dir: string): Promise<{ path: string; bytes: Uint8Array }> {
  const doc = await makeDocument({ diaDanhNgay: '(ngày ban hành do văn thư ghi)' });
  const path = join(dir, 'Quyết định không có dòng ngày.pdf');
  writeFileSync(path, doc.bytes);
  return { path, bytes: doc.bytes };
}

describe('prepare never omits a field the flow needs', () => {
  it('refuses, naming the missing date field, and writes nothing', async () => {
    const dir = tempDir();
    const { path, bytes } = await withoutDateLine(dir);
    expect((await findPlacements(bytes)).fields.map((f) => f.kind)).toEqual(['so']);
    const outPath = join(dir, 'out.pdf');
    const request = PrepareRequestSchema.parse({ path, outPath });
    const refusal = await prepareFields(request).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: 'PDF_FIELD_PLACEMENT_NOT_FOUND',
      details: { field: 'NgayBanHanh', kind: 'ngay' },
    });
    expect((refusal as Error).message).toContain('ngày ban hành');
    expect(existsSync(outPath)).toBe(false);
  });

  it('takes the box a person placed for the missing field, and the flow then completes', async () => {
    const dir = tempDir();
    const { path, bytes } = await withoutDateLine(dir);
    const box = { pageIndex: 0, rect: { x: 320, y: 680, width: 220, height: 18 } };
    const request = PrepareRequestSchema.parse({ path, outPath: join(dir, 'out.pdf'), ngayBanHanh: box });
    const result = await prepareFields(request);
    expect(result.fields).toEqual(['SoKyHieu', 'NgayBanHanh', 'ChuKy_NguoiKy', 'ChuKy_CoQuan']);

    // The same boxes through the whole flow (the number step finds its date field).
    const options = await autoPrepareOptions(bytes, ['personal', 'organization'], { ngayBanHanh: box });
    const paths = await issueAuto(pki, bytes, dir, options);
    expect(allValid(validateAll(paths.sealed, pki), 2)).toBe(true);
  });

  it('refuses on the command line with the code and the Vietnamese reason, and accepts --ngay-rect', async () => {
    const dir = tempDir();
    const { path } = await withoutDateLine(dir);
    const run = async (extra: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(
        ['prepare', '--in', path, '--out', join(dir, 'cli.pdf'), '--auto', '--json', ...extra],
        { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '', env: {} },
        commands,
        () => {
          throw new Error('prepare needs no services');
        },
      );
      return { code, out, err };
    };
    const refused = await run([]);
    expect(refused.code).not.toBe(0);
    expect(`${refused.out}${refused.err}`).toContain('PDF_FIELD_PLACEMENT_NOT_FOUND');
    expect(`${refused.out}${refused.err}`).toContain('NgayBanHanh');
    const placed = await run(['--ngay-page', '1', '--ngay-rect', '320,680,220,18']);
    expect(placed.code, placed.err).toBe(0);
    expect(read(join(dir, 'cli.pdf')).length).toBeGreaterThan(0);
  });
});
