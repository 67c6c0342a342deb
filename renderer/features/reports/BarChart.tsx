import { vi } from '../../i18n/vi.ts';

export interface Bar {
  readonly label: string;
  readonly n: number;
}

const ROW = 24;
const LABEL = 180;
const WIDTH = 560;

/**
 * Horizontal bars in plain SVG: a handful of categories needs no charting library (no canvas, no
 * inline styles the CSP would refuse, nothing to keep up to date), prints sharply, and the numbers
 * are also written beside each bar and in the table for screen readers.
 */
export function BarChart({ title, bars, testId }: { title: string; bars: readonly Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.n));
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={vi.work.reports.chartLabel(title)}
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        data-testid={testId}
      >
        {bars.map((bar, i) => {
          const width = ((WIDTH - LABEL - 60) * bar.n) / max;
          return (
            <g key={bar.label} transform={`translate(0, ${i * ROW})`}>
              <text x={0} y={16} fontSize={13}>
                {bar.label}
              </text>
              <rect className="chart-bar" x={LABEL} y={4} width={Math.max(1, width)} height={16} />
              <text x={LABEL + width + 6} y={16} fontSize={13}>
                {bar.n.toLocaleString('vi-VN')}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
