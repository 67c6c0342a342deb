import type { Command } from '../command.ts';
import { auditCommand } from './audit.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { doctorCommand } from './doctor.ts';
import { numberCommand } from './number.ts';
import { prepareCommand } from './prepare.ts';
import { signBatchCommand } from './sign-batch.ts';
import { signCommand } from './sign.ts';
import { syncCommand } from './sync.ts';
import { incomingCommand } from './incoming.ts';
import { layoutCommand } from './layout.ts';
import { registerCommand } from './register.ts';
import { tokenCommand } from './token.ts';
import { verifyCommand } from './verify.ts';

/** Every `vanthu` command. Features add theirs here (one import, one entry). */
export const commands: readonly Command[] = [
  doctorCommand,
  tokenCommand,
  verifyCommand,
  incomingCommand,
  registerCommand,
  auditCommand,
  backupCommand,
  restoreCommand,
  prepareCommand,
  signCommand,
  numberCommand,
  signBatchCommand,
  layoutCommand,
  syncCommand,
];
