import type { CommandEntry } from '../command.ts';

/**
 * Every `vanthu` command, loaded only when run: each pulls in heavy modules (pdf.js, pkijs,
 * SQLite), and `vanthu --version` should not pay for all of them. Features add one line here.
 */
export const commands: readonly CommandEntry[] = [
  { id: 'doctorCommand', load: async () => (await import('./doctor.ts')).doctorCommand },
  { id: 'tokenCommand', load: async () => (await import('./token.ts')).tokenCommand },
  { id: 'verifyCommand', load: async () => (await import('./verify.ts')).verifyCommand },
  { id: 'incomingCommand', load: async () => (await import('./incoming.ts')).incomingCommand },
  { id: 'registerCommand', load: async () => (await import('./register.ts')).registerCommand },
  { id: 'auditCommand', load: async () => (await import('./audit.ts')).auditCommand },
  { id: 'backupCommand', load: async () => (await import('./backup.ts')).backupCommand },
  { id: 'restoreCommand', load: async () => (await import('./backup.ts')).restoreCommand },
  { id: 'prepareCommand', load: async () => (await import('./prepare.ts')).prepareCommand },
  { id: 'signCommand', load: async () => (await import('./sign.ts')).signCommand },
  { id: 'numberCommand', load: async () => (await import('./number.ts')).numberCommand },
  { id: 'signBatchCommand', load: async () => (await import('./sign-batch.ts')).signBatchCommand },
  { id: 'layoutCommand', load: async () => (await import('./layout.ts')).layoutCommand },
  { id: 'syncCommand', load: async () => (await import('./sync.ts')).syncCommand },
];
