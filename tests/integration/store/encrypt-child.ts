/**
 * Child process of the migration crash test: encrypts the plain profile at argv[2] in place,
 * printing a line per progress event. The parent SIGKILLs it at a random moment.
 */
import { writeSync } from 'node:fs';
import { profilePaths } from '../../../main/services/disk/profile-paths.ts';
import { encryptProfile } from '../../../main/services/vault/encrypt-profile.ts';

const profile = profilePaths(process.argv[2] as string);
const keyFile = process.argv[3] as string;
writeSync(1, 'READY\n');
encryptProfile(profile, { keyFile }, (progress) => {
  writeSync(1, `P ${JSON.stringify(progress)}\n`);
});
writeSync(1, 'DONE\n');
