import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { toLatinDigits, toPersianDigits } from '@common/text.js';
import { useLocale } from '../../../app/i18n/locale-provider.js';

export type PersianNumberInputProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** The value as a Latin-digit string ("" when empty); leading zeros are kept (phone numbers, codes). */
  value: string;
  onChange: (value: string) => void;
  /** Show thousands separators (amounts, quantities). */
  separators?: boolean;
  /** Allow one decimal point (Persian «٫», «.» or «/» are all accepted). */
  decimal?: boolean;
  allowNegative?: boolean;
  /** Display Persian digits; defaults to the UI language. */
  persianDigits?: boolean;
  /** Maximum number of digits. */
  maxDigits?: number;
};

/** Keep digits, one decimal point and a leading minus; any digit script in, Latin out. */
export function parseNumberInput(raw: string, opts: { decimal?: boolean; allowNegative?: boolean; maxDigits?: number }): string {
  const latin = toLatinDigits(raw).replace(/[٫/]/g, '.');
  let out = '';
  let seenDot = false;
  let digits = 0;
  for (const ch of latin) {
    if (ch >= '0' && ch <= '9') {
      if (opts.maxDigits !== undefined && digits >= opts.maxDigits) continue;
      out += ch;
      digits++;
    } else if (ch === '.' && opts.decimal && !seenDot) {
      out += '.';
      seenDot = true;
    } else if ((ch === '-' || ch === '\u2212') && opts.allowNegative && out === '') {
      out = '-';
    }
  }
  return out;
}

export function formatNumberDisplay(value: string, opts: { separators?: boolean; persianDigits?: boolean }): string {
  let [int = '', frac] = value.split('.');
  if (opts.separators) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, opts.persianDigits ? '٬' : ',');
  const dot = opts.persianDigits ? '٫' : '.';
  const s = frac !== undefined ? `${int}${dot}${frac}` : int;
  return opts.persianDigits ? toPersianDigits(s) : s;
}

const SIGNIFICANT = /[0-9\u06F0-\u06F9\u0660-\u0669.٫/\-]/;

function caretAfter(display: string, significantCount: number): number {
  if (significantCount <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < display.length; i++) {
    if (SIGNIFICANT.test(display[i] ?? '')) seen++;
    if (seen === significantCount) return i + 1;
  }
  return display.length;
}

/** Accepts Persian, Arabic and Latin digits; shows Persian digits (and separators); emits Latin digits. */
export function PersianNumberInput({
  value,
  onChange,
  separators = false,
  decimal = false,
  allowNegative = false,
  persianDigits,
  maxDigits,
  slotProps,
  ...rest
}: PersianNumberInputProps) {
  const { locale } = useLocale();
  const showPersian = persianDigits ?? locale === 'fa';
  const inputRef = useRef<HTMLInputElement | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const display = formatNumberDisplay(value, { separators, persianDigits: showPersian });

  useLayoutEffect(() => {
    const el = inputRef.current;
    if (el && pendingCaret.current !== null && document.activeElement === el) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
    }
    pendingCaret.current = null;
  }, [display]);

  const handle = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.target.value;
    const caret = e.target.selectionStart ?? raw.length;
    const significantBefore = [...raw.slice(0, caret)].filter((c) => SIGNIFICANT.test(c)).length;
    const next = parseNumberInput(raw, { decimal, allowNegative, ...(maxDigits !== undefined ? { maxDigits } : {}) });
    const caretPos = caretAfter(formatNumberDisplay(next, { separators, persianDigits: showPersian }), significantBefore);
    if (next === value) {
      // A rejected keystroke: React restores the old text and the caret would jump to the end.
      requestAnimationFrame(() => inputRef.current?.setSelectionRange(caretPos, caretPos));
      return;
    }
    pendingCaret.current = caretPos;
    onChange(next);
  };

  return (
    <TextField
      {...rest}
      value={display}
      onChange={handle}
      inputRef={inputRef}
      slotProps={{
        ...slotProps,
        htmlInput: {
          inputMode: decimal ? 'decimal' : 'numeric',
          dir: 'ltr',
          autoComplete: 'off',
          ...((slotProps?.htmlInput as object | undefined) ?? {}),
          style: { textAlign: locale === 'fa' ? 'right' : 'left' },
        },
      }}
    />
  );
}
