import type { Database } from 'better-sqlite3';
import { up as core } from './001-core.ts';
import { up as outgoing } from './002-outgoing.ts';
import { up as search } from './003-search.ts';
import { up as searchPrefix } from './004-search-prefix.ts';
import { up as directoryProfileStatuses } from './005-directory-profile-statuses.ts';
import { up as assignments } from './006-assignments.ts';
import { up as appendices } from './007-appendices.ts';
import { up as renumberings } from './008-renumberings.ts';
import { up as issuing } from './009-issuing.ts';
import { up as secretLocal } from './010-secret-local.ts';
import { up as organizationRegisters } from './011-organization-registers.ts';
import { up as office } from './012-office.ts';
import { up as incomingChecks } from './013-incoming-checks.ts';
import { up as due } from './014-due.ts';
import { up as officeOutgoing } from './015-office-outgoing.ts';
import { up as documentTexts } from './016-document-texts.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
  /** Rebuilds a table: migrate runs it with foreign keys off and checks them before commit. */
  readonly rebuildsTables?: boolean;
}

/** Every migration, in order. Versions are consecutive; a migration never changes once shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', up: core },
  { version: 2, name: 'outgoing', up: outgoing },
  { version: 3, name: 'search', up: search },
  { version: 4, name: 'search-prefix', up: searchPrefix },
  { version: 5, name: 'directory-profile-statuses', up: directoryProfileStatuses },
  { version: 6, name: 'assignments', up: assignments },
  { version: 7, name: 'appendices', up: appendices },
  { version: 8, name: 'renumberings', up: renumberings },
  { version: 9, name: 'issuing', up: issuing },
  { version: 10, name: 'secret-local', up: secretLocal },
  { version: 11, name: 'organization-registers', up: organizationRegisters },
  { version: 12, name: 'office', up: office },
  { version: 13, name: 'incoming-checks', up: incomingChecks, rebuildsTables: true },
  { version: 14, name: 'due', up: due },
  { version: 15, name: 'office-outgoing', up: officeOutgoing },
  { version: 16, name: 'document-texts', up: documentTexts },
];

export const LATEST_VERSION = MIGRATIONS.length;
