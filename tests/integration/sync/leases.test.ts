import { afterEach, describe, expect, it } from 'vitest';
import { createRegisterService, type RegisterService } from '../../../main/services/store/register-service.ts';
import { createRegisterLeaseSink } from '../../../main/services/sync/lease-adapter.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { openWorkstation, startServer, virtualClock, type Workstation } from './support.ts';

const SNV = '000.00.01.H99';

describe('number leases across workstations', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('two workstations of one organization, offline at the same time, never hand out the same number', async () => {
    const clock = virtualClock();
    // Lost answers force repeated lease requests: the same key must return the same block.
    const started = await startServer({ errorRate: 0.3, seed: 3 }, () => clock.ms());
    server = started.server;
    const stations: { ws: Workstation; registers: RegisterService; registerId: string }[] = [];
    for (const [index, username] of ['vanthu.snv', 'vanthu2.snv'].entries()) {
      let registers: RegisterService | undefined;
      let registerId = '';
      const ws = openWorkstation({
        url: started.url,
        username,
        clock,
        leases: (db) => {
          // The organization row is what the directory sync (or first-run setup) writes.
          db.prepare('insert or ignore into organizations (ma_dinh_danh, ten) values (?, ?)').run(SNV, 'Sở Nội vụ');
          registers = createRegisterService(db, () => clock.now());
          registerId = registers.ensure({ maDinhDanh: SNV, kind: 'den', year: 2026 }).id;
          const own = registers;
          return createRegisterLeaseSink(own, () => [registerId], `ws${index + 1}`, { lowWater: 5, blockSize: 20 });
        },
      });
      stations.push({ ws, registers: registers!, registerId });
    }

    const handedOut: Map<number, string> = new Map();
    const take = (station: (typeof stations)[number], name: string, count: number) => {
      for (let i = 0; i < count; i += 1) {
        const taken = station.registers.take(station.registerId, { allowProvisional: true });
        if (taken.provisional) {
          continue;
        }
        expect(handedOut.get(taken.number), `number ${taken.number}`).toBeUndefined();
        handedOut.set(taken.number, name);
      }
    };

    for (let day = 0; day < 3; day += 1) {
      // Online: both top up their blocks (interleaved, through 30% failures).
      for (const station of stations) {
        await station.ws.engine.runUntilIdle({ maxRounds: 500 });
      }
      // Offline: both number documents from their own blocks, past the end of the block.
      started.server.faults.update({ outage: { startMs: clock.ms(), endMs: clock.ms() + 3_600_000 } });
      take(stations[0]!, 'ws1', 18 + day);
      take(stations[1]!, 'ws2', 25);
      await clock.sleep(3_600_000);
    }
    expect(handedOut.size).toBeGreaterThan(80);
    const serverLeases = (started.server.db.prepare('select count(*) as n from leases').get() as { n: number }).n;
    const localLeases = stations.reduce((n, s) => n + s.registers.leases(s.registerId).length, 0);
    expect(serverLeases).toBe(localLeases);
  });
});
