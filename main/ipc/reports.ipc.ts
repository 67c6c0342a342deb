import type { Services } from './services.ts';
import {
  exportReportXlsx,
  printReportInWorker,
  reportFileName,
  saveReportFile,
} from '../services/reports/report-files.ts';
import type { HandlerTable } from './dispatch.ts';

export function reportsHandlers(
  services: Services,
): Pick<HandlerTable, 'reports.compute' | 'reports.exportXlsx' | 'reports.print'> {
  const { store, profile, settings } = services;
  return {
    'reports.compute': (request) => store.call('reports.compute', request),
    'reports.exportXlsx': async (request) =>
      exportReportXlsx(profile.root, await store.call('reports.compute', request)),
    'reports.print': async (request) => {
      const report = await store.call('reports.compute', request);
      const organization = settings.get().organization;
      const bytes = await printReportInWorker(
        report,
        organization.name === '' ? organization.maDinhDanh : organization.name,
      );
      return saveReportFile(profile.root, reportFileName(report, 'pdf'), bytes);
    },
  };
}
