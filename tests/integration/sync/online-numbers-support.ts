// The two văn thư workstations of one organization that the online-numbering tests drive.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { loadPrintableRegister } from '../../../main/services/store/register-rows.ts';
import { printRegisterPdf } from '../../../main/services/registers/print-register.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import { createOnlineNumbers, type OnlineNumbers } from '../../../main/services/sync/online-numbers.ts';
import { IncomingInputSchema, type IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { openWorkstation, tempDir, type virtualClock, type Workstation } from './support.ts';

export const SNV = '000.00.01.H99';

export interface Station {
  readonly name: string;
  readonly ws: Workstation;
  readonly online: OnlineNumbers;
  readonly clock: ReturnType<typeof virtualClock>;
}

/** A văn thư workstation of Sở Nội vụ as the app runs it: leases for offline, the registers feed, online numbers. */
export function station(url: string, username: string, clock: ReturnType<typeof virtualClock>): Station {
  const ws = openWorkstation({
    url,
    username,
    clock,
    storeOnClock: true,
    registers: true,
    leases: (_db, store) => {
      const register = store.context.registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 });
      return createRegisterLeaseSink(store.context.registers, () => [register.id], username, {
        lowWater: 2,
        blockSize: 5,
      });
    },
  });
  // A short wait: the test's outage answers nothing, and a clerk would not wait longer either. The
  // quiet period after an unanswered request passes on the simulated clock, like the outage.
  const online = createOnlineNumbers(() => ws.api, { timeoutMs: 800, clock: () => clock.ms() });
  return { name: username, ws, online, clock };
}

/** A paper document registered by the clerk: the server's number when it answers, else the block's. */
export async function register(s: Station, trichYeu: string): Promise<IncomingDocument> {
  const id = uuidv7();
  const year = vietnamYear(s.clock.now());
  const number = await s.online.take('den', year, id, `so-den:${id}`);
  const input = IncomingInputSchema.parse({
    tenLoai: 'Công văn',
    so: String(10 + trichYeu.length),
    kyHieu: 'UBND-VX',
    // fixed-date: the issuing date of a paper document, before the simulated day (virtualClock).
    ngayBanHanh: '2026-02-27',
    coQuanBanHanh: 'UBND huyện Demo',
    trichYeu,
    source: 'giay',
  });
  return s.ws.store.addIncoming(input, undefined, { id, number }).document;
}

export function registerOf(ws: Workstation) {
  return ws.store.context.registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 });
}

export function serverRegistrations(server: ReferenceServer): Map<number, string> {
  const rows = server.db
    .prepare('select so_den, document_id from registrations where org = ? and year = 2026 order by so_den')
    .all(SNV) as { so_den: number; document_id: string }[];
  return new Map(rows.map((row) => [row.so_den, row.document_id]));
}

export async function settle(...stations: Station[]): Promise<void> {
  for (const s of [...stations, ...stations]) {
    await s.ws.engine.runUntilIdle({ maxRounds: 30 });
  }
}

/** The printed sổ đến of 2026 (the app's printer), read back with pdftotext. */
export async function printedText(ws: Workstation): Promise<string> {
  const pdf = await printRegisterPdf(loadPrintableRegister(ws.db, registerOf(ws)));
  const path = join(tempDir('so-den'), 'so-den.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}
