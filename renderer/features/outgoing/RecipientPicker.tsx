import { useEffect, useId, useState } from 'react';
import type { Organization } from '../../../preload/contract/organizations.ts';
import { call } from '../../app/ipc/call.ts';
import { viWorkflow } from '../../i18n/vi-workflow.ts';

/**
 * Choose recipients from the organization directory (synced from the server): search by name or
 * code, and each choice is added as a "mã | tên" line to the Nơi nhận field, which stays the one
 * place the list is kept (a recipient outside the directory can still be typed there).
 */
export function RecipientPicker({ lines, onChange }: { lines: string; onChange: (next: string) => void }) {
  const t = viWorkflow.recipients;
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Organization[]>([]);
  useEffect(() => {
    if (text.trim() === '') {
      return;
    }
    let live = true;
    void call('organizations.search', { text, limit: 8 }).then((result) => {
      if (live) {
        setFound(result.ok ? result.value.filter((o) => o.nguon === 'directory') : []);
      }
    });
    return () => {
      live = false;
    };
  }, [text]);
  // An empty search shows nothing; old results are hidden rather than cleared in the effect.
  const shown = text.trim() === '' ? [] : found;
  const chosen = new Set(lines.split('\n').map((line) => line.split('|')[0]?.trim()));
  const add = (org: Organization): void => {
    const line = `${org.maDinhDanh} | ${org.ten}`;
    onChange(lines.trim() === '' ? line : `${lines.trimEnd()}\n${line}`);
  };
  return (
    <div className="field" data-testid="recipient-picker">
      <label htmlFor={id}>{t.search}</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      {text.trim() !== '' && shown.length === 0 ? <p className="hint">{t.none}</p> : null}
      {shown.length === 0 ? null : (
        <ul className="plain-list" aria-label={t.results}>
          {shown.map((org) => (
            <li key={org.maDinhDanh}>
              <button
                type="button"
                className="secondary"
                disabled={chosen.has(org.maDinhDanh)}
                onClick={() => add(org)}
              >
                {chosen.has(org.maDinhDanh) ? t.added(org.ten) : t.add(org.ten)}
              </button>{' '}
              <span className="hint">{org.maDinhDanh}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
