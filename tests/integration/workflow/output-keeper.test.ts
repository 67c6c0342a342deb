import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { sha256Of, writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import type { StoreCall } from '../../../main/services/store/store-client.ts';
import { storeMethods, type StoreMethods } from '../../../main/services/store/store-protocol.ts';
import { OUTPUT_GROUP, outputKeeper } from '../../../main/services/workflow/output-keeper.ts';
import { ORG, openTestStore } from '../store/helpers.ts';

/** The store's method table called in-process, as the worker calls it; each method's calls counted. */
function counted(store: ReturnType<typeof openTestStore>['store']) {
  const methods = storeMethods(store, (() => {
    throw new Error('no backup here');
  }) as StoreMethods['store.backup']);
  const calls = new Map<string, number>();
  const call = ((method: keyof StoreMethods, ...args: unknown[]) =>
    Promise.resolve().then(() => {
      calls.set(method, (calls.get(method) ?? 0) + 1);
      return (methods[method] as (...a: unknown[]) => unknown)(...args);
    })) as StoreCall;
  return { call, commits: () => calls.get('issuing.keepOutputs') ?? 0 };
}

/** `count` documents under trình ký, each with its own stored draft file. */
async function drafts(call: StoreCall, filesDir: string, count: number) {
  const out: Array<{ id: string; from: string }> = [];
  for (let i = 0; i < count; i++) {
    const pdf = new TextEncoder().encode(`%PDF-1.7 dự thảo ${i}`);
    const source = new TextEncoder().encode(`nguồn ${i}`);
    const file = (bytes: Uint8Array, name: string, mediaType: string) => ({
      sha256: writeAttachmentFile(filesDir, bytes),
      size: bytes.byteLength,
      name,
      mediaType,
    });
    const doc = await call(
      'issuing.createDraft',
      OutgoingInputSchema.parse({
        tenLoai: 'Quyết định',
        kyHieu: 'QĐ-UBND',
        trichYeu: `Văn bản ${i}`,
        coQuanBanHanh: 'Ủy ban nhân dân tỉnh X',
        recipients: [],
      }),
      file(pdf, 'du-thao.pdf', 'application/pdf'),
      file(source, 'du-thao.docx', 'application/octet-stream'),
    );
    await call('outgoing.submit', doc.id);
    out.push({ id: doc.id, from: sha256Of(pdf) });
  }
  return out;
}

const signed = (i: number) => new TextEncoder().encode(`%PDF-1.7 đã ký ${i}`);

describe('output keeper: a batch shares its durable commits (#15)', () => {
  it('records every output of a held batch in a handful of commits, each in its own order', async () => {
    const { store, dir } = openTestStore();
    const filesDir = join(dir, 'files');
    const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year: 2026 });
    store.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
    const { call, commits } = counted(store);
    const docs = await drafts(call, filesDir, 40);
    const before = commits();
    const keeper = outputKeeper(call, filesDir);
    const release = keeper.hold();
    const kept: Array<Promise<unknown>> = [];
    for (const [i, doc] of docs.entries()) {
      kept.push(keeper.keep({ id: doc.id, stage: 'da-ky', from: doc.from }, signed(i), true));
      // Outputs arrive as a batch signs them, one at a time: an eager keeper committed each alone.
      await sleep(2);
    }
    release();
    await Promise.all(kept);
    // One commit per output before (each announced as it came, recorded with the next one's
    // announcement); now ⌈40 / group⌉ commits that announce, and the last recording after the release.
    expect(OUTPUT_GROUP).toBeGreaterThanOrEqual(10);
    expect(commits() - before).toBeLessThanOrEqual(6);
    for (const [i, doc] of docs.entries()) {
      const after = await call('outgoing.get', doc.id);
      expect(after.state).toBe('da-ky');
      expect(after.fileSha256).toBe(sha256Of(signed(i)));
    }
    expect(await call('issuing.pending')).toEqual([]);
    store.context.db.close();
  });

  it('commits an output kept outside a batch at once, even while a batch holds its group', async () => {
    const { store, dir } = openTestStore();
    const filesDir = join(dir, 'files');
    const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year: 2026 });
    store.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
    const { call } = counted(store);
    const [held, alone] = await drafts(call, filesDir, 2);
    if (held === undefined || alone === undefined) {
      throw new Error('no drafts');
    }
    const keeper = outputKeeper(call, filesDir);
    const release = keeper.hold();
    let heldDone = false;
    const heldKept = keeper.keep({ id: held.id, stage: 'da-ky', from: held.from }, signed(0), true).then(() => {
      heldDone = true;
    });
    await sleep(20);
    expect(heldDone).toBe(false);
    // One cấp số or seal while a batch runs: recorded at once, not held for the batch's group
    // (the held output may share its commit).
    const doc = await keeper.keep({ id: alone.id, stage: 'da-ky', from: alone.from }, signed(1));
    expect(doc.state).toBe('da-ky');
    release();
    await heldKept;
    expect((await call('outgoing.get', held.id)).state).toBe('da-ky');
    // A refusal is that output's own: the same draft cannot be signed twice.
    await expect(keeper.keep({ id: alone.id, stage: 'da-ky', from: alone.from }, signed(2))).rejects.toMatchObject({
      code: 'STATE_TRANSITION_INVALID',
    });
    store.context.db.close();
  });
});
