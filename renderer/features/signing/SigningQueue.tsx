import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { vi } from '../../i18n/vi.ts';

export interface SigningQueueProps {
  readonly documents: readonly OutgoingDocument[];
  readonly selected: ReadonlySet<string>;
  readonly focused: string | null;
  readonly paths: Readonly<Record<string, string>>;
  readonly onToggle: (id: string) => void;
  readonly onFocus: (id: string) => void;
  readonly onPath: (id: string, path: string) => void;
}

/** The leader's queue: documents submitted for signature, each with its draft file and a checkbox. */
export function SigningQueue(props: SigningQueueProps) {
  if (props.documents.length === 0) {
    return <p role="status">{vi.signing.emptyQueue}</p>;
  }
  const c = vi.signing.columns;
  return (
    <table className="table" data-testid="signing-queue">
      <caption className="hint">{vi.signing.queueCount(props.documents.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{c.select}</th>
          <th scope="col">{c.document}</th>
          <th scope="col">{c.file}</th>
          <th scope="col">{c.preview}</th>
        </tr>
      </thead>
      <tbody>
        {props.documents.map((d) => (
          <tr key={d.id} aria-selected={props.focused === d.id}>
            <td>
              <input
                type="checkbox"
                checked={props.selected.has(d.id)}
                onChange={() => props.onToggle(d.id)}
                aria-label={vi.signing.selectDoc(d.trichYeu)}
              />
            </td>
            <td>
              <strong>{d.tenLoai}</strong> {d.trichYeu}
            </td>
            <td>
              <input
                type="text"
                className="path-input"
                value={props.paths[d.id] ?? ''}
                onChange={(e) => props.onPath(d.id, e.target.value)}
                aria-label={vi.signing.draftFile(d.trichYeu)}
              />
            </td>
            <td>
              <button
                type="button"
                className="secondary"
                onClick={() => props.onFocus(d.id)}
                disabled={(props.paths[d.id] ?? '').trim() === ''}
              >
                {vi.signing.showPreview}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
