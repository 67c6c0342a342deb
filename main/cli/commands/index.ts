import type { CommandEntry } from './command.ts';

/**
 * Every `vanthu` command, loaded only when run: each pulls in heavy modules (pdf.js, pkijs,
 * SQLite), and `vanthu --version` should not pay for all of them. Features add one line here.
 */
export const commands: readonly CommandEntry[] = [
  { id: 'doctorCommand', name: 'doctor', load: async () => (await import('./doctor.ts')).doctorCommand },
  { id: 'tokenCommand', name: 'token', load: async () => (await import('./token.ts')).tokenCommand },
  { id: 'verifyCommand', name: 'verify', load: async () => (await import('./verify.ts')).verifyCommand },
  { id: 'incomingCommand', name: 'incoming', load: async () => (await import('./incoming.ts')).incomingCommand },
  { id: 'registerCommand', name: 'register', load: async () => (await import('./register.ts')).registerCommand },
  { id: 'auditCommand', name: 'audit', load: async () => (await import('./audit.ts')).auditCommand },
  { id: 'backupCommand', name: 'backup', load: async () => (await import('./backup.ts')).backupCommand },
  { id: 'restoreCommand', name: 'restore', load: async () => (await import('./backup.ts')).restoreCommand },
  { id: 'encryptCommand', name: 'encrypt', load: async () => (await import('./vault.ts')).encryptCommand },
  { id: 'unlockCommand', name: 'unlock', load: async () => (await import('./vault.ts')).unlockCommand },
  { id: 'prepareCommand', name: 'prepare', load: async () => (await import('./prepare.ts')).prepareCommand },
  { id: 'signCommand', name: 'sign', load: async () => (await import('./sign.ts')).signCommand },
  {
    id: 'writeNumberCommand',
    name: 'write-number',
    load: async () => (await import('./write-number.ts')).writeNumberCommand,
  },
  {
    id: 'numberAliasCommand',
    name: 'number',
    load: async () => (await import('./write-number.ts')).numberAliasCommand,
  },
  { id: 'signBatchCommand', name: 'sign-batch', load: async () => (await import('./sign-batch.ts')).signBatchCommand },
  { id: 'layoutCommand', name: 'layout', load: async () => (await import('./layout.ts')).layoutCommand },
  { id: 'syncCommand', name: 'sync', load: async () => (await import('./sync.ts')).syncCommand },
];
