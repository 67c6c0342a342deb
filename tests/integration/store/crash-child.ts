/**
 * Child process of the crash test: registers incoming documents in a loop and prints
 * `ACK <id> <soDen|-> <soDenTam|->` after each commit. The parent SIGKILLs it at a random moment.
 */
import { writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { IncomingInputSchema } from '../../../preload/contract/incoming.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore } from '../../../main/services/store/store.ts';

const dir = process.argv[2] as string;
const run = Number(process.argv[3]);
const db = openDatabase(join(dir, 'vanthu.sqlite'));
const store = createStore({ db, filesDir: join(dir, 'files'), maDinhDanh: '000.00.12.H55' });
const register = store.context.registers.ensure({
  maDinhDanh: '000.00.12.H55',
  kind: 'den',
  // real time: this child's store numbers in the year of its own clock.
  year: vietnamYear(new Date()),
});
if (store.context.registers.leases(register.id).length === 0) {
  // A finite block, so later runs also exercise provisional numbers.
  store.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: 60 });
}
writeSync(1, 'READY\n');
for (let i = 0; ; i += 1) {
  const so = `${run}${String(i).padStart(4, '0')}`;
  let file: { path: string } | undefined;
  if (i % 3 === 0) {
    const path = join(dir, `src-${run}-${i}.pdf`);
    writeFileSync(path, `%PDF-1.4\n% run ${run} document ${i}\n`);
    file = { path };
  }
  const { document } = store.addIncoming(
    IncomingInputSchema.parse({
      tenLoai: 'Công văn',
      so,
      kyHieu: 'UBND-VP',
      ngayBanHanh: '2026-03-09',
      coQuanBanHanh: 'Ủy ban nhân dân tỉnh Thái Nguyên',
      trichYeu: `Đôn đốc báo cáo lần ${so}`,
      // With a file it is an electronic document entered by hand; a paper scan would be held to the standard.
      source: file === undefined ? 'giay' : 'email',
    }),
    file,
  );
  writeSync(1, `ACK ${document.id} ${document.soDen ?? '-'} ${document.soDenTam ?? '-'}\n`);
}
