import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { format } from 'date-fns-jalali';
import { faIR } from 'date-fns-jalali/locale/fa-IR';
import { useLocale } from '../../../app/i18n/locale-provider.js';
import { JalaliLocalizationProvider } from './jalali-localization-provider.js';

export type JalaliDateTimeFieldProps = {
  label: string;
  value: Date | null;
  onChange: (value: Date | null) => void;
  /** Date and time (default) or date only. */
  withTime?: boolean;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  error?: boolean;
  helperText?: string | undefined;
  minDate?: Date;
  maxDate?: Date;
  fullWidth?: boolean;
};

// Weekday initials ش ی د س چ پ ج (the adapter's default shows digits in the header row).
const faWeekday = (d: Date) => format(d, 'EEEEE', { locale: faIR });

/** A Jalali date (or date-time) picker; the typed text is yyyy/MM/dd [HH:mm] with Latin digits. */
export function JalaliDateTimeField({ withTime = true, fullWidth = true, ...p }: JalaliDateTimeFieldProps) {
  const { locale } = useLocale();
  const common = {
    label: p.label,
    value: p.value,
    onChange: (v: Date | null) => p.onChange(v && !Number.isNaN(v.getTime()) ? v : null),
    disabled: p.disabled ?? false,
    minDate: p.minDate,
    maxDate: p.maxDate,
    dayOfWeekFormatter: locale === 'fa' ? faWeekday : undefined,
    slotProps: {
      textField: {
        name: p.name,
        required: p.required ?? false,
        error: p.error ?? false,
        helperText: p.helperText,
        fullWidth,
        size: 'small' as const,
      },
    },
  };
  return (
    <JalaliLocalizationProvider>
      {withTime ? (
        <DateTimePicker {...common} ampm={false} format="yyyy/MM/dd HH:mm" />
      ) : (
        <DatePicker {...common} format="yyyy/MM/dd" />
      )}
    </JalaliLocalizationProvider>
  );
}
