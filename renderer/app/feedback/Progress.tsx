import { useEffect, useState } from 'react';

export interface ProgressProps {
  readonly label: string;
  /** Done so far and total; omit both for work whose length is unknown. */
  readonly value?: number;
  readonly max?: number;
}

/** How long work may run before the user sees a progress bar; shorter work would only flicker. */
const SHOW_AFTER_MS = 300;

/**
 * Progress for anything that may take over a second: counted work (signing many documents) shows
 * at once with its count; unknown-length work appears after a short pause.
 */
export function Progress({ label, value, max }: ProgressProps) {
  const counted = value !== undefined && max !== undefined;
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), SHOW_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);
  if (!counted && !waited) {
    return null;
  }
  return (
    <div className="progress" role="status" data-testid="progress">
      <span>{counted ? `${label} (${value}/${max})` : label}</span>
      {counted ? <progress aria-label={label} value={value} max={max} /> : <progress aria-label={label} />}
    </div>
  );
}
