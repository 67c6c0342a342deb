import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { Report } from '../../../preload/contract/reports.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { call } from '../../app/ipc/call.ts';
import { vi } from '../../i18n/vi.ts';
import { BarChart } from './BarChart.tsx';

/** This year so far, in Vietnam: the period a report opens with. */
function thisYear(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Báo cáo: a period and a department → figures, charts, an XLSX export and a printable PDF. */
export function ReportsScreen() {
  const t = vi.work.reports;
  const [period, setPeriod] = useState(thisYear);
  const [department, setDepartment] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const request = { ...period, department };

  const run = async (): Promise<void> => {
    setError(null);
    const result = await call('reports.compute', request);
    if (result.ok) {
      setReport(result.value);
    } else {
      setError(result.error);
    }
  };
  const save = async (channel: 'reports.exportXlsx' | 'reports.print'): Promise<void> => {
    setError(null);
    const result = await call(channel, request);
    if (result.ok) {
      setSaved(result.value.fileName);
    } else {
      setError(result.error);
    }
  };

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t.title}</h1>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t.from}
          <input type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
        </label>
        <label>
          {t.to}
          <input type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </label>
        <label>
          {t.department}
          <input value={department} onChange={(e) => setDepartment(e.target.value)} />
        </label>
        <button type="submit" data-testid="report-run">
          {t.run}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void save('reports.exportXlsx')}
          data-testid="report-xlsx"
        >
          {t.exportXlsx}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void save('reports.print')}
          data-testid="report-print"
        >
          {t.print}
        </button>
      </form>
      <p className="hint">{t.scope}</p>
      {error === null ? null : <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {saved === null ? null : (
        <p role="status" data-testid="report-saved">
          {t.saved(saved)}
        </p>
      )}
      {report === null ? null : <ReportView report={report} />}
    </section>
  );
}

function ReportView({ report }: { report: Report }) {
  const t = vi.work.reports;
  const r = report.received;
  const i = report.issued;
  return (
    <div data-testid="report">
      <h2>{t.received}</h2>
      <dl className="facts">
        <dt>{t.total}</dt>
        <dd data-testid="report-received-total">{r.total.toLocaleString('vi-VN')}</dd>
        <dt>{t.electronic}</dt>
        <dd>{t.share(r.electronic, r.total)}</dd>
        <dt>{t.onTime}</dt>
        <dd>{t.share(r.doneOnTime, r.done)}</dd>
        <dt>{t.late}</dt>
        <dd>{t.share(r.doneLate, r.done)}</dd>
        <dt>{t.overdueNow}</dt>
        <dd>{r.overdue.toLocaleString('vi-VN')}</dd>
        <dt>{t.average}</dt>
        <dd>{t.days(r.averageDays)}</dd>
      </dl>
      <BarChart
        title={`${t.received} — ${t.byType}`}
        bars={r.byType.map((b) => ({ label: b.key, n: b.n }))}
        testId="chart-received-type"
      />
      <BarChart
        title={`${t.received} — ${t.bySource}`}
        bars={r.bySource.map((b) => ({ label: t.source[b.key] ?? b.key, n: b.n }))}
      />
      <h2>{t.issued}</h2>
      <dl className="facts">
        <dt>{t.total}</dt>
        <dd data-testid="report-issued-total">{i.total.toLocaleString('vi-VN')}</dd>
        <dt>{t.electronic}</dt>
        <dd>{t.share(i.electronic, i.total)}</dd>
        <dt>{t.signed}</dt>
        <dd>{t.share(i.signedDigitally, i.total)}</dd>
        <dt>{t.onTime}</dt>
        <dd>{t.share(i.publishedOnTime, i.publishedOnTime + i.publishedLate)}</dd>
        <dt>{t.average}</dt>
        <dd>{t.days(i.averageDays)}</dd>
      </dl>
      <BarChart title={`${t.issued} — ${t.byType}`} bars={i.byType.map((b) => ({ label: b.key, n: b.n }))} />
    </div>
  );
}
