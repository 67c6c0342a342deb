import type { Services } from './services.ts';
import { backupAgeDays, backupOverdue, backupReminderDue } from '../domain/backup-reminder.ts';
import { printRegisterInWorker } from '../services/registers/print-in-worker.ts';
import { writeAttachmentFile } from '../services/store/attachments.ts';
import { defaultBackupPath } from '../services/store/backup-path.ts';
import type { HandlerTable } from './dispatch.ts';

type RegisterChannels = 'registers.list' | 'registers.print' | 'backup.create' | 'backup.status' | 'audit.verify';

export function registersHandlers(services: Services): Pick<HandlerTable, RegisterChannels> {
  const { store, settings, events } = services;
  return {
    'registers.list': async () => {
      const registers = await store.call('registers.list');
      return Promise.all(
        registers.map(async (register) => {
          const remaining = await store.call('registers.remaining', register.id);
          return {
            ...register,
            leases: await store.call('registers.leases', register.id),
            remaining: Number.isFinite(remaining) ? remaining : null,
          };
        }),
      );
    },
    'registers.print': async ({ kind, year, ...range }) => {
      const printable = await store.call('registers.print', { kind, year }, range);
      const fileName = `so-${kind === 'den' ? 'den' : 'di'}-${year}.pdf`;
      // Laid out in its own worker thread; the window hears how far it is, page by page.
      const { bytes } = await printRegisterInWorker(printable, (done, total) =>
        events.emit('registers.printProgress', { fileName, done, total }),
      );
      // Kept in the content store first, so a cancelled dialog or a lost download loses nothing.
      const sha256 = writeAttachmentFile(services.profile.files, bytes);
      const rows = printable.rows.length;
      if (!services.saver.native) {
        return { rows, fileName, sha256, savedAs: null, base64: Buffer.from(bytes).toString('base64') };
      }
      const saved = await services.saver.save(fileName, bytes);
      return { rows, fileName, sha256, savedAs: saved?.name ?? null, base64: null };
    },
    'backup.create': async () => {
      const now = services.clock();
      const result = await store.call('store.backup', defaultBackupPath(services.profile.root, now));
      settings.update({ preferences: { lastBackupAt: now.toISOString() } });
      return result;
    },
    'backup.status': () => {
      const last = settings.get().preferences.lastBackupAt;
      const now = services.clock();
      return {
        lastBackupAt: last,
        ageDays: backupAgeDays(last, now),
        reminder: backupReminderDue(last, now),
        backupOverdue: backupOverdue(last, now),
      };
    },
    'audit.verify': async () => {
      const verdict = await store.call('audit.verify');
      return verdict.ok
        ? { ok: true, entries: verdict.entries }
        : { ok: false, entries: verdict.entries, brokenAt: verdict.brokenAt, reason: verdict.reason };
    },
  };
}
