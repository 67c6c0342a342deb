import type { PowerMonitor } from 'electron';
import type { IdleSeconds } from '../services/lock/lock-service.ts';

/**
 * The idle lock's idle time in Electron: the system's (keyboard and mouse anywhere), not the
 * page's calls, because the page polls main by itself (sync status, the inbox) and would keep
 * an unattended machine unlocked.
 */
export function electronIdleSeconds(powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime'>): IdleSeconds {
  return () => powerMonitor.getSystemIdleTime();
}
