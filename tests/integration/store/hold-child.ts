/**
 * Child process of the restore test: opens the profile database the way the app's store worker
 * does, prints READY and keeps it open (idle) until killed.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../main/services/store/open-database.ts';

const db = openDatabase(process.argv[2] as string);
db.prepare(`SELECT count(*) FROM incoming_documents`).get();
writeSync(1, 'READY\n');
setInterval(() => undefined, 60_000);
