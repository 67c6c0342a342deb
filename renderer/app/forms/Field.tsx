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
  /** Id of a <datalist> of suggestions. */
  readonly list?: string;
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
      {/* The asterisk stays outside the label so the field's accessible name is the label alone. */}
      <span className="label-row">
        <label htmlFor={id}>{props.label}</label>
        {props.required === true ? (
          <span aria-hidden="true" className="required-mark">
            {' *'}
          </span>
        ) : null}
      </span>
      {props.rows === undefined ? (
        <input
          {...common}
          list={props.list}
          type={props.type ?? 'text'}
          onChange={(e) => props.onChange(e.target.value)}
        />
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
