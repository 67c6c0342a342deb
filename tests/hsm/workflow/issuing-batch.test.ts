import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../preload/contract/index.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { FIXTURE_PDF, issuingProfile } from './issuing-support.ts';

const pki = usePki();
const WRONG_PIN = '97531864';

describe('ký duyệt in a batch through the workflow: one PIN, one login, a result per document (#15)', () => {
  // Every progress event, to see each document's turn (the app paces them: progress-pacer.test.ts).
  const app = issuingProfile(pki, { progressIntervalMs: 0 });
  const { call, value, tokenOf, asRole, services } = app;
  afterAll(async () => {
    await services.store.close();
    await services.tokens.stop();
  });

  const pendingRows = (): number => {
    const db = new Database(services.profile.database, { readonly: true });
    try {
      return db.prepare(`SELECT count(*) FROM issuing_pending`).pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('signs every good draft after one token login, reports progress per document, and goes on past a bad one', async () => {
    const drafts = [await app.draft('Văn bản 1'), await app.draft('Văn bản 2 hỏng'), await app.draft('Văn bản 3')];
    const ids = drafts.map((d) => d.id);
    // The second draft's file was replaced by a PDF without the số/date fields: it cannot be issued.
    app.replaceStageFile(ids[1] ?? '', 'du-thao', readFileSync(FIXTURE_PDF));
    await asRole('lanh-dao');

    // A wrong PIN: the one login fails, nothing is signed or recorded.
    const wrong = await call('issuing.sign', { ids, ...tokenOf('person'), pin: WRONG_PIN });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
    expect(JSON.stringify(wrong)).not.toContain(WRONG_PIN);
    for (const id of ids) {
      expect(value(await call('outgoing.get', { id })).state).toBe('trinh-ky');
    }
    expect(pendingRows()).toBe(0);

    const progress: Array<EventPayload<'issuing.progress'>> = [];
    const stop = services.events.subscribe((event, payload) => {
      if (event === 'issuing.progress') {
        progress.push(payload as EventPayload<'issuing.progress'>);
      }
    });
    const preflight = vi.spyOn(services.tokens, 'preflight');
    const result = value(await call('issuing.sign', { ids, ...tokenOf('person'), batchId: 'lo-ky-1' }));
    stop();
    // One session for the whole batch: the pre-flight runs once, before the one login.
    expect(preflight).toHaveBeenCalledTimes(1);
    preflight.mockRestore();
    expect(result.total).toBe(3);
    expect(result.failed).toBe(1);
    expect(result.results.map((r) => [r.id, r.ok])).toEqual([
      [ids[0], true],
      [ids[1], false],
      [ids[2], true],
    ]);
    expect(result.results[1]).toMatchObject({
      ok: false,
      error: { code: 'ISSUING_CHAIN_BROKEN', details: { reason: 'DRAFT_NOT_PREPARED' } },
    });
    // Main's specific reason travels to the screen.
    expect(result.results[1]?.ok === false ? result.results[1].error.message : '').toContain(
      'Dự thảo chưa có ô số, ký hiệu và ngày ban hành.',
    );
    // Each document in turn, the bad one too: its draft is read and checked beside the signing of
    // the others, and its refusal is known at its turn.
    expect(progress.map((p) => [p.done, p.total, p.currentId])).toEqual([
      [0, 3, ids[0]],
      [1, 3, ids[1]],
      [2, 3, ids[2]],
      [3, 3, null],
    ]);
    expect(progress.every((p) => p.batchId === 'lo-ky-1')).toBe(true);
    // The PIN is in no answer and no event.
    expect(JSON.stringify({ result, progress })).not.toContain(tokenOf('person').pin);
    const states = await Promise.all(ids.map(async (id) => value(await call('outgoing.get', { id })).state));
    expect(states).toEqual(['da-ky', 'trinh-ky', 'da-ky']);
    expect(pendingRows()).toBe(0);
  });
});
