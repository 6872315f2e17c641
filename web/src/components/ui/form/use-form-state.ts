// Small form state without a form library: values, per-field errors, and the mapping of
// server problem+json `errors[].path` onto the fields that show them.
import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { isApiError } from '../../../app/api-client.js';

export type FieldErrors = Record<string, string>;

/** `body.firstName`, `/firstName`, `#/roleIds/0`, `roleIds[0]` → `firstName`, `roleIds.0`. */
export function normalizeErrorPath(path: string): string {
  return path
    .trim()
    .replace(/^#?\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^(body|query|params|headers)\./, '');
}

/** Field messages of an ApiError keyed by normalized path; the first message of a path wins. */
export function problemFieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isApiError(err)) return out;
  for (const e of err.errors) {
    const key = normalizeErrorPath(e.path);
    if (key && !(key in out)) out[key] = e.message;
  }
  return out;
}

/** The message of `name` itself or of anything below it (`roleIds.2` shows on `roleIds`). */
export function errorFor(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const prefix = `${name}.`;
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) return v;
  return undefined;
}

type TextChange = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const baseline = useRef<T>(initial);

  const set = useCallback(<K extends keyof T & string>(name: K, value: T[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!(name in e) && !Object.keys(e).some((k) => k.startsWith(`${name}.`))) return e;
      const next: FieldErrors = {};
      for (const [k, msg] of Object.entries(e)) if (k !== name && !k.startsWith(`${name}.`)) next[k] = msg;
      return next;
    });
  }, []);

  /** Replace all values (after loading a record) and make them the new "clean" state. */
  const reset = useCallback((next: T) => {
    baseline.current = next;
    setValues(next);
    setErrors({});
  }, []);

  /** Put server field errors on the fields; returns true when at least one field got a message. */
  const applyServerErrors = useCallback((err: unknown): boolean => {
    const fieldErrors = problemFieldErrors(err);
    setErrors(fieldErrors);
    return Object.keys(fieldErrors).length > 0;
  }, []);

  const setFieldError = useCallback((name: string, message: string | undefined) => {
    setErrors((e) => {
      const next = { ...e };
      if (message) next[name] = message;
      else delete next[name];
      return next;
    });
  }, []);

  const dirty = useMemo(
    () => JSON.stringify(values) !== JSON.stringify(baseline.current),
    [values],
  );

  /** Props for a MUI TextField bound to a string field. */
  const text = useCallback(
    <K extends keyof T & string>(name: K) => {
      const message = errorFor(errors, name);
      return {
        name,
        value: (values[name] ?? '') as string,
        onChange: (e: TextChange) => set(name, e.target.value as T[K]),
        error: Boolean(message),
        helperText: message,
      };
    },
    [errors, values, set],
  );

  const errorOf = useCallback((name: string) => errorFor(errors, name), [errors]);

  return { values, set, reset, errors, setErrors, setFieldError, applyServerErrors, errorOf, text, dirty };
}

export type FormState<T extends Record<string, unknown>> = ReturnType<typeof useFormState<T>>;
