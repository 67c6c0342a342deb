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
import type { ChannelName, RequestOf, ResponseOf } from '../../../preload/contract/index.ts';
import type { FilePurpose } from '../../../preload/contract/files.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { openApp } from '../../support/app.ts';
import { DRAFT_INPUT, FIXTURE_DOCX, FIXTURE_PDF, ORG } from './issuing-support.ts';

interface Token {
  readonly signer: { modulePath: string; token: { label: string }; keyIdHex: string };
  readonly pin: string;
}
const profileDir = process.argv[2] as string;
const mode = process.argv[3];
const tokens = JSON.parse(process.env['VANTHU_CRASH_TOKENS'] ?? '{}') as { person: Token; org: Token; trust: string[] };

const app = openApp({ profileDir, shell: 'cli', organization: { maDinhDanh: ORG, name: 'Ủy ban nhân dân tỉnh X' } });
const { services } = app;
services.settings.update({
  tokens: { modulePaths: [tokens.person.signer.modulePath] },
  verify: { trustPaths: tokens.trust },
});
const call = async <C extends ChannelName>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> => {
  writeSync(1, `STEP ${channel}\n`);
  const result = await app.call(channel, payload);
  if (!result.ok) {
    // Not a kill: a step failed on its own, which the parent reports as a bug.
    writeSync(2, `ERR ${channel} ${JSON.stringify(result.error)}\n`);
    process.exit(3);
  }
  return result.value;
};
const ack = (doc: OutgoingDocument) => writeSync(1, `ACK ${doc.id} ${doc.state} ${doc.so ?? '-'}\n`);
const asRole = (role: 'van-thu' | 'lanh-dao' | 'chuyen-vien') => call('profile.update', { role });
const upload = async (purpose: FilePurpose, name: string, bytes: Uint8Array): Promise<string> => {
  const { handle } = await call('files.begin', { purpose, name, size: bytes.byteLength });
  await call('files.append', { handle, offset: 0, base64: Buffer.from(bytes).toString('base64') });
  return (await call('files.finish', { handle })).handle;
};

// One write: a kill armed on READY always finds the child inside its recovery or later.
writeSync(1, 'READY\nSTEP recover\n');
const recovered = await services.issuing.recover();
writeSync(1, `RECOVERED ${recovered.adopted} ${recovered.cleaned}\n`);
if (mode === 'recover') {
  await app.close();
  await services.tokens.stop();
  process.exit(0);
}

const pdf = readFileSync(FIXTURE_PDF);
const docx = readFileSync(FIXTURE_DOCX);
// The documents this process drafted: `cycle` ends when the first of them is published.
const mine = new Set<string>();
for (let i = 0; ; i += 1) {
  const open = (await call('outgoing.list', { limit: 1000 })).filter((d) => d.state !== 'da-phat-hanh');
  const next = open.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  if (next === undefined || (open.length < 2 && i % 2 === 0)) {
    await asRole('chuyen-vien');
    const draft = await call('issuing.createDraft', {
      input: { ...DRAFT_INPUT, trichYeu: `Văn bản ${process.pid}-${i}` },
      pdf: await upload('pdf', 'du-thao.pdf', pdf),
      source: await upload('nguon', 'du-thao.docx', docx),
    });
    mine.add(draft.id);
    ack(draft);
    ack(await call('outgoing.submit', { id: draft.id }));
    continue;
  }
  if (next.state === 'du-thao') {
    // Killed between the draft and its submission.
    await asRole('chuyen-vien');
    ack(await call('outgoing.submit', { id: next.id }));
  } else if (next.state === 'trinh-ky') {
    await asRole('lanh-dao');
    const ids = open.filter((d) => d.state === 'trinh-ky').map((d) => d.id);
    const result = await call('issuing.sign', { ids, ...tokens.person });
    for (const r of result.results) {
      if (!r.ok) {
        writeSync(2, `ERR issuing.sign ${JSON.stringify(r.error)}\n`);
        process.exit(3);
      }
      ack(r.document);
    }
  } else if (next.state === 'da-ky') {
    await asRole('van-thu');
    ack(await call('issuing.issueNumber', { id: next.id }));
  } else if (next.state === 'da-cap-so') {
    await asRole('van-thu');
    ack(await call('issuing.seal', { id: next.id, ...tokens.org }));
  } else if (next.state === 'da-dong-dau') {
    await asRole('van-thu');
    ack(await call('issuing.publish', { id: next.id }));
    if (mode === 'cycle' && mine.has(next.id)) {
      break;
    }
  } else {
    writeSync(2, `ERR unexpected state ${next.state}\n`);
    process.exit(3);
  }
}
await app.close();
await services.tokens.stop();
process.exit(0);
