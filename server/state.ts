import type { ServerDb } from './db.ts';
import type { Faults } from './faults.ts';

/** What every route needs: the database, where blobs live, the clock and the faults of this run. */
export interface ServerState {
  readonly db: ServerDb;
  readonly dataDir: string;
  readonly now: () => number;
  readonly faults: Faults;
  /** Uploads being written right now, so two PATCHes never append to one file at once. */
  readonly uploadLocks: Set<string>;
}
