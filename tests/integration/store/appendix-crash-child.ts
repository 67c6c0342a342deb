/**
 * Child process of the appendix crash test: attaches phụ lục files to numbered outgoing documents
 * in a loop (a new document every 40, below the limit) and prints `ACK <documentId> <sha256>`
 * after each commit. The parent SIGKILLs it at a random moment.
 */
import { writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { attachOutgoingAppendix } from '../../../main/services/store/appendices.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore } from '../../../main/services/store/store.ts';

const ORG = '000.00.12.H55';
const dir = process.argv[2] as string;
const run = Number(process.argv[3]);
const db = openDatabase(join(dir, 'vanthu.sqlite'));
const store = createStore({ db, filesDir: join(dir, 'files'), maDinhDanh: ORG });
// real time: this child's store numbers in the year of its own clock.
const register = store.context.registers.ensure({ maDinhDanh: ORG, kind: 'di', year: vietnamYear(new Date()) });
if (store.context.registers.leases(register.id).length === 0) {
  store.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
}
const main = join(dir, `main-${run}.pdf`);
writeFileSync(main, `%PDF-1.4\n% run ${run} main\n`);

function numberedDocument(): string {
  const doc = store.createOutgoing(
    OutgoingInputSchema.parse({
      tenLoai: 'Công văn',
      kyHieu: 'STP-VP',
      trichYeu: `Lần chạy ${run}`,
      coQuanBanHanh: 'Sở Tư pháp',
      recipients: [{ maDinhDanh: '000.00.00.H55', ten: 'UBND tỉnh' }],
    }),
  );
  store.submitOutgoing(doc.id);
  store.markSigned(doc.id, main);
  store.issueNumber(doc.id);
  return doc.id;
}

writeSync(1, 'READY\n');
let id = numberedDocument();
for (let i = 0; ; i += 1) {
  if (i > 0 && i % 40 === 0) {
    id = numberedDocument();
  }
  // A fresh file each time (what signing wrote into the scratch folder), 8–72 KiB so writes take a while.
  const path = join(dir, `scratch-${run}.pdf`);
  writeFileSync(
    path,
    Buffer.concat([Buffer.from(`%PDF-1.4\n% run ${run} appendix ${i}\n`), Buffer.alloc(8192 * (1 + (i % 9)), i)]),
  );
  const appendix = attachOutgoingAppendix(store.context, id, { path, title: `Phụ lục ${i}`, signed: true });
  writeSync(1, `ACK ${id} ${appendix.sha256}\n`);
}
