import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { createReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../server/seed.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { issuingProfile } from './issuing-support.ts';

const pki = usePki();
const SNV = '000.00.01.H99';

describe('cấp số online through the issuing service (#16)', () => {
  const server = createReferenceServer({ dataDir: mkdtempSync(join(tmpdir(), 'vanthu-server-')) });
  seedDemo(server.state);
  afterAll(async () => {
    await server.close();
  });

  it('takes the organization’s next number from the server, not the workstation’s open block', async () => {
    const url = await server.listen(0);
    // real time: the issuing service numbers in the process clock's year, and so does this request.
    const year = vietnamYear(new Date());
    // Another workstation of the organization already numbered 1–7 of this year's sổ đi.
    server.db.prepare(`insert into register_counters (org, kind, year, next_no) values (?, 'di', ?, 8)`).run(SNV, year);
    const app = issuingProfile(pki, {
      profileDir: join(mkdtempSync(join(tmpdir(), 'vanthu cấp số ')), 'hồ sơ'),
      server: { url, username: 'vanthu.snv', password: DEMO_PASSWORD },
    });
    const { call, value, tokenOf, asRole, services } = app;
    try {
      const draft = await app.draft();
      await asRole('lanh-dao');
      value(await call('issuing.sign', { ids: [draft.id], ...tokenOf('person') }));
      await asRole('van-thu');
      const numbered = value(await call('issuing.issueNumber', { id: draft.id }));
      // The profile's open lease would have given 1: the server's number is the organization's next.
      expect(numbered).toMatchObject({ state: 'da-cap-so', so: 8, soKyHieu: '08/QĐ-UBND' });
      expect(
        server.db.prepare(`select no, document_id, key from number_allocations where org = ? and kind = 'di'`).all(SNV),
      ).toEqual([{ no: 8, document_id: draft.id, key: `cap-so:${draft.id}:${year}` }]);
    } finally {
      await services.store.close();
      await services.tokens.stop();
    }
  }, 120_000);
});
