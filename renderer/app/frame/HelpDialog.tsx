import { useEffect, useRef } from 'react';
import { vi } from '../../i18n/vi.ts';
import { SHORTCUTS } from './shortcuts.ts';

/** The on-screen list of keyboard shortcuts, opened with `?` or the help button. */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) {
      return;
    }
    if (open && !dialog.open) {
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="help-title" onClose={onClose} className="dialog">
      <h2 id="help-title">{vi.shortcuts.title}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{vi.shortcuts.keysColumn}</th>
            <th scope="col">{vi.shortcuts.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          {Object.values(SHORTCUTS).map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onClose} autoFocus>
          {vi.common.close}
        </button>
      </div>
    </dialog>
  );
}
