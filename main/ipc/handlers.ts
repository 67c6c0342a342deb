import type { Services } from './services.ts';
import { appHandlers } from './app.ipc.ts';
import { appendicesHandlers } from './appendices.ipc.ts';
import { calendarHandlers } from './calendar.ipc.ts';
import type { HandlerTable } from './dispatch.ts';
import { filesHandlers } from './files.ipc.ts';
import { imagesHandlers } from './images.ipc.ts';
import { incomingHandlers } from './incoming.ipc.ts';
import { issuingHandlers } from './issuing.ipc.ts';
import { organizationsHandlers } from './organizations.ipc.ts';
import { outgoingHandlers } from './outgoing.ipc.ts';
import { overviewHandlers } from './overview.ipc.ts';
import { registersHandlers } from './registers.ipc.ts';
import { guardRoles } from './role-guard.ts';
import { reportsHandlers } from './reports.ipc.ts';
import { layoutHandlers } from './layout.ipc.ts';
import { guardLock } from './lock-guard.ts';
import { lockHandlers } from './lock.ipc.ts';
import { officeHandlers } from './office.ipc.ts';
import { hintsHandlers } from './hints.ipc.ts';
import { metadataHandlers } from './metadata.ipc.ts';
import { ocrHandlers } from './ocr.ipc.ts';
import { settingsHandlers } from './settings.ipc.ts';
import { signingHandlers } from './signing.ipc.ts';
import { syncHandlers } from './sync.ipc.ts';
import { theThucHandlers } from './the-thuc.ipc.ts';
import { tokensHandlers } from './tokens.ipc.ts';
import { verifyHandlers } from './verify.ipc.ts';

/**
 * The one handler table. Electron's ipcMain adapter and the browser host both register this,
 * so the two shells cannot drift apart. Each feature adds its `*.ipc.ts` spread here.
 */
export function createHandlerTable(services: Services): HandlerTable {
  // Roles are enforced here, in main, for every workflow action; the renderer only hides.
  // The lock is checked first: a locked window answers nothing else, whatever the role.
  return guardLock(
    services,
    guardRoles(services, {
      ...appHandlers(services),
      ...appendicesHandlers(services),
      ...calendarHandlers(services),
      ...filesHandlers(services),
      ...imagesHandlers(services),
      ...incomingHandlers(services),
      ...issuingHandlers(services),
      ...organizationsHandlers(services),
      ...outgoingHandlers(services),
      ...overviewHandlers(services),
      ...registersHandlers(services),
      ...reportsHandlers(services),
      ...layoutHandlers(services),
      ...lockHandlers(services),
      ...officeHandlers(services),
      ...metadataHandlers(services),
      ...ocrHandlers(services),
      ...hintsHandlers(services),
      ...settingsHandlers(services),
      ...signingHandlers(services),
      ...syncHandlers(services),
      ...theThucHandlers(services),
      ...tokensHandlers(services),
      ...verifyHandlers(services),
    }),
  );
}
