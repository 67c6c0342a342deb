import { useId, type ReactNode } from 'react';

export interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'number' | 'date' | 'url';
  /** Rows for a multi-line field; omitted for a single line. */
  readonly rows?: number;
  readonly maxLength?: number;
  readonly name?: string;
  readonly autoFocus?: boolean;
  readonly children?: ReactNode;
}

/**
 * One labelled input with its hint and its validation message wired for assistive technology
 * (aria-invalid, aria-describedby), so every form reads the same way.
 */
export function Field(props: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.hint === undefined ? '' : hintId, props.error === undefined ? '' : errorId]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    autoFocus: props.autoFocus,
    'aria-invalid': props.error === undefined ? undefined : true,
    'aria-describedby': described === '' ? undefined : described,
  };
  return (
    <div className={props.error === undefined ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>
        {props.label}
        {props.required === true ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.rows === undefined ? (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <textarea {...common} rows={props.rows} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint === undefined ? null : (
        <small id={hintId} className="hint">
          {props.hint}
        </small>
      )}
      {props.error === undefined ? null : (
        <small id={errorId} className="field-error">
          {props.error}
        </small>
      )}
      {props.children}
    </div>
  );
}
