import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { rpc } from './rpc.ts';

/** A file streamed to the host in chunks over the page's bridge, as the file input does; its handle. */
export async function uploadByRpc(page: Page, purpose: 'pdf' | 'nguon', path: string): Promise<string> {
  const bytes = readFileSync(path);
  const { handle } = await rpc<{ handle: string }>(page, 'files.begin', {
    purpose,
    name: basename(path),
    size: bytes.byteLength,
  });
  const CHUNK = 256 * 1024;
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
    const base64 = bytes.subarray(offset, offset + CHUNK).toString('base64');
    await rpc(page, 'files.append', { handle, offset, base64 });
  }
  return (await rpc<{ handle: string }>(page, 'files.finish', { handle })).handle;
}

/**
 * A chuyên viên's draft made and submitted (trình ký) through the same channels the Văn bản đi form
 * calls, without the clicks: for a spec that needs many drafts once one was made through the form.
 */
export async function submitDraftByRpc(
  page: Page,
  files: { pdf: string; source: string },
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const pdf = await uploadByRpc(page, 'pdf', files.pdf);
  const source = await uploadByRpc(page, 'nguon', files.source);
  const draft = await rpc<{ id: string }>(page, 'issuing.createDraft', { input, pdf, source });
  return rpc<{ id: string }>(page, 'outgoing.submit', { id: draft.id });
}
