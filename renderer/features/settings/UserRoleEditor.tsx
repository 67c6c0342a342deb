import { useState } from 'react';
import type { AppError } from '../../../preload/contract/index.ts';
import type { UserProfile } from '../../../preload/contract/organizations.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { SelectField } from '../../app/forms/SelectField.tsx';
import { call } from '../../app/ipc/call.ts';
import { useLoad } from '../../app/ipc/use-load.ts';
import { vi } from '../../i18n/vi.ts';

type Role = UserProfile['role'];
const ROLES = Object.keys(vi.issuing.profile.roles) as Role[];

/**
 * The role of the person at this workstation. Main enforces it on every step of the issuing
 * journey (the screens only hide what a role cannot do), so changing it here is what lets the
 * same workstation act as chuyên viên, lãnh đạo or văn thư.
 */
export function UserRoleEditor() {
  const profile = useLoad<UserProfile>('profile.get', () => call('profile.get', {}), []);
  const [role, setRole] = useState<Role | null>(null);
  const [saved, setSaved] = useState<Role | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  if (profile.data.state !== 'ready') {
    return null;
  }
  const current = role ?? profile.data.value.role;
  const save = async (): Promise<void> => {
    setFailure(null);
    const result = await call('profile.update', { role: current });
    if (result.ok) {
      setSaved(result.value.role);
    } else {
      setFailure(result.error);
    }
  };
  const t = vi.issuing.profile;
  return (
    <section aria-labelledby="role-title" className="form">
      <h2 id="role-title">{t.title}</h2>
      <p className="hint">{t.hint}</p>
      {failure === null ? null : <ErrorNotice error={failure} />}
      <SelectField
        label={t.role}
        value={current}
        onChange={(v) => setRole(v as Role)}
        options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))}
      />
      <div className="actions">
        <button type="button" onClick={() => void save()}>
          {t.save}
        </button>
      </div>
      {saved === null ? null : (
        <p className="notice notice-ok" role="status" data-testid="role-saved">
          {t.saved(t.roles[saved])}
        </p>
      )}
    </section>
  );
}
