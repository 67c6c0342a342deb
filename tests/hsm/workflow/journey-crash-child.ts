/**
 * Child of the journey crash test: on start it recovers (adopts or cleans what a kill left), then
 * drives outgoing documents through draft → ký duyệt → cấp số → đóng dấu → phát hành through the
 * app's own handler table and SoftHSM2 tokens, printing `ACK <id> <state> <so|->` after each step
 * is recorded, and `STEP <channel>` before each call (where a kill lands). `READY` comes before the
 * recovery: the parent arms its kill there and SIGKILLs it at a random moment of the work after.
 * The second argument: `recover` only recovers and exits; `cycle` runs until one new document is
 * published and exits (the parent times it to size its kill window); anything else runs until killed.
 */
import { readFileSync, writeSync } from 'node:fs';
import { composeServices } from '../../../main/app/compose.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { createHandlerTable } from '../../../main/ipc/handlers.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import type { Result } from '../../../preload/contract/result.ts';
import { DRAFT_INPUT, FIXTURE_DOCX, FIXTURE_PDF, ORG } from './issuing-support.ts';

interface Token {
  readonly signer: { modulePath: string; token: { label: string }; keyIdHex: string };
  readonly pin: string;
}
const profileDir = process.argv[2] as string;
const mode = process.argv[3];
const tokens = JSON.parse(process.env['VANTHU_CRASH_TOKENS'] ?? '{}') as { person: Token; org: Token; trust: string[] };

const services = composeServices({ profileDir, shell: 'cli', log: silentLogger });
services.settings.update({
  organization: { maDinhDanh: ORG, name: 'Ủy ban nhân dân tỉnh X' },
  tokens: { modulePaths: [tokens.person.signer.modulePath] },
  verify: { trustPaths: tokens.trust },
});
const table = createHandlerTable(services);
const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  writeSync(1, `STEP ${channel}\n`);
  const result: Result<unknown> = await dispatch(table, channel, payload, { shell: 'browser' }, silentLogger);
  if (!result.ok) {
    // Not a kill: a step failed on its own, which the parent reports as a bug.
    writeSync(2, `ERR ${channel} ${JSON.stringify(result.error)}\n`);
    process.exit(3);
  }
  return result.value as T;
};
const ack = (doc: OutgoingDocument) => writeSync(1, `ACK ${doc.id} ${doc.state} ${doc.so ?? '-'}\n`);
const asRole = (role: string) => call('profile.update', { role });
const upload = async (purpose: string, name: string, bytes: Uint8Array): Promise<string> => {
  const { handle } = await call<{ handle: string }>('files.begin', { purpose, name, size: bytes.byteLength });
  await call('files.append', { handle, offset: 0, base64: Buffer.from(bytes).toString('base64') });
  return (await call<{ handle: string }>('files.finish', { handle })).handle;
};

// One write: a kill armed on READY always finds the child inside its recovery or later.
writeSync(1, 'READY\nSTEP recover\n');
const recovered = await services.issuing.recover();
writeSync(1, `RECOVERED ${recovered.adopted} ${recovered.cleaned}\n`);
if (mode === 'recover') {
  await services.store.close();
  await services.tokens.stop();
  process.exit(0);
}

const pdf = readFileSync(FIXTURE_PDF);
const docx = readFileSync(FIXTURE_DOCX);
// The documents this process drafted: `cycle` ends when the first of them is published.
const mine = new Set<string>();
for (let i = 0; ; i += 1) {
  const open = (await call<OutgoingDocument[]>('outgoing.list', { limit: 1000 })).filter(
    (d) => d.state !== 'da-phat-hanh',
  );
  const next = open.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (next === undefined || (open.length < 2 && i % 2 === 0)) {
    await asRole('chuyen-vien');
    const draft = await call<OutgoingDocument>('issuing.createDraft', {
      input: { ...DRAFT_INPUT, trichYeu: `Văn bản ${process.pid}-${i}` },
      pdf: await upload('pdf', 'du-thao.pdf', pdf),
      source: await upload('nguon', 'du-thao.docx', docx),
    });
    mine.add(draft.id);
    ack(draft);
    ack(await call<OutgoingDocument>('outgoing.submit', { id: draft.id }));
    continue;
  }
  if (next.state === 'du-thao') {
    // Killed between the draft and its submission.
    await asRole('chuyen-vien');
    ack(await call<OutgoingDocument>('outgoing.submit', { id: next.id }));
  } else if (next.state === 'trinh-ky') {
    await asRole('lanh-dao');
    const ids = open.filter((d) => d.state === 'trinh-ky').map((d) => d.id);
    const result = await call<{ results: Array<{ ok: boolean; document?: OutgoingDocument; error?: unknown }> }>(
      'issuing.sign',
      { ids, ...tokens.person },
    );
    for (const r of result.results) {
      if (!r.ok || r.document === undefined) {
        writeSync(2, `ERR issuing.sign ${JSON.stringify(r.error)}\n`);
        process.exit(3);
      }
      ack(r.document);
    }
  } else if (next.state === 'da-ky') {
    await asRole('van-thu');
    ack(await call<OutgoingDocument>('issuing.number', { id: next.id }));
  } else if (next.state === 'da-cap-so') {
    await asRole('van-thu');
    ack(await call<OutgoingDocument>('issuing.seal', { id: next.id, ...tokens.org }));
  } else if (next.state === 'da-dong-dau') {
    await asRole('van-thu');
    ack(await call<OutgoingDocument>('issuing.publish', { id: next.id }));
    if (mode === 'cycle' && mine.has(next.id)) {
      break;
    }
  } else {
    writeSync(2, `ERR unexpected state ${next.state}\n`);
    process.exit(3);
  }
}
await services.store.close();
await services.tokens.stop();
process.exit(0);
