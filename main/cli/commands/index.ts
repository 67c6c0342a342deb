import type { Command } from '../command.ts';
import { doctorCommand } from './doctor.ts';
import { tokenCommand } from './token.ts';
import { verifyCommand } from './verify.ts';

/** Every `vanthu` command. Features add theirs here (one import, one entry). */
export const commands: readonly Command[] = [doctorCommand, tokenCommand, verifyCommand];
