import { z } from 'zod';
import { toPersianDigits } from './text.js';

/**
 * Natural Persian messages for zod's generic checks. A message starting with LABEL_SLOT is a
 * predicate ("الزامی است"); whoever shows it puts the field's Persian name in front.
 */
export const LABEL_SLOT = '\u2063';

const n = (v: unknown) => toPersianDigits(String(v));

export function installPersianZodErrors(): void {
  z.config({
    customError: (iss) => {
      switch (iss.code) {
        case 'invalid_type':
          return iss.input === undefined || iss.input === null ? `${LABEL_SLOT}الزامی است` : `${LABEL_SLOT}نوع مقدار درست نیست`;
        case 'too_small':
          if (iss.origin === 'string') return iss.minimum === 1 ? `${LABEL_SLOT}الزامی است` : `${LABEL_SLOT}باید حداقل ${n(iss.minimum)} نویسه باشد`;
          if (iss.origin === 'array') return `${LABEL_SLOT}باید حداقل ${n(iss.minimum)} مورد داشته باشد`;
          return `${LABEL_SLOT}باید حداقل ${n(iss.minimum)} باشد`;
        case 'too_big':
          if (iss.origin === 'string') return `${LABEL_SLOT}حداکثر ${n(iss.maximum)} نویسه می‌تواند باشد`;
          if (iss.origin === 'array') return `${LABEL_SLOT}حداکثر ${n(iss.maximum)} مورد می‌تواند داشته باشد`;
          return `${LABEL_SLOT}حداکثر ${n(iss.maximum)} می‌تواند باشد`;
        case 'invalid_format':
          if (iss.format === 'email') return `${LABEL_SLOT}نشانی ایمیل معتبر نیست`;
          if (iss.format === 'uuid') return `${LABEL_SLOT}شناسه معتبر نیست`;
          return `${LABEL_SLOT}قالب درستی ندارد`;
        case 'invalid_value':
          return `${LABEL_SLOT}از مقادیر مجاز نیست`;
        case 'unrecognized_keys':
          return `فیلدهای ناشناخته: ${iss.keys.join('، ')}`;
        default:
          return undefined;
      }
    },
  });
}

/** Puts the field name into a predicate message, or returns the message as it is. */
export function labelMessage(message: string, label: string): string {
  return message.startsWith(LABEL_SLOT) ? `${label} ${message.slice(LABEL_SLOT.length)}` : message;
}
