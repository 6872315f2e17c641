import { describe, expect, it } from 'vitest';
import { dueProblem, isEditable, MSG, notificationOf, smsTextOf } from '../domain/reminder-rules.js';

const now = new Date('2025-03-10T07:00:00Z');
const base = { id: 'r1', text: 'تماس با مشتری\nجزئیات بیشتر', dueAt: new Date('2025-03-10T07:30:00Z'), linkTitle: null, linkPath: null, createdBy: 'u1', recipientId: 'u1' };

describe('reminder rules', () => {
  it('accepts only a time after now and within five years', () => {
    expect(dueProblem(new Date(now.getTime() + 60_000), now)).toBeNull();
    expect(dueProblem(now, now)).toBe(MSG.past);
    expect(dueProblem(new Date(now.getTime() - 1), now)).toBe(MSG.past);
    expect(dueProblem(new Date('2031-03-10T07:00:00Z'), now)).toBe(MSG.tooFar);
  });

  it('is editable by its creator while pending and not yet due', () => {
    expect(isEditable({ status: 'pending', dueAt: base.dueAt, createdBy: 'u1' }, 'u1', now)).toBe(true);
    expect(isEditable({ status: 'pending', dueAt: base.dueAt, createdBy: 'u1' }, 'u2', now)).toBe(false);
    expect(isEditable({ status: 'pending', dueAt: now, createdBy: 'u1' }, 'u1', now)).toBe(false);
    expect(isEditable({ status: 'delivered', dueAt: base.dueAt, createdBy: 'u1' }, 'u1', now)).toBe(false);
    expect(isEditable({ status: 'pending', dueAt: base.dueAt, createdBy: null }, null, now)).toBe(false);
  });

  it('pops up with the first line as title, the record and who set it; links to the record when there is one', () => {
    expect(notificationOf(base, 'مدیر')).toEqual({ userId: 'u1', kind: 'reminder', title: 'یادآور: تماس با مشتری', body: 'تماس با مشتری\nجزئیات بیشتر', link: '/reminders?open=r1' });
    const forOther = notificationOf({ ...base, recipientId: 'u2', linkTitle: 'مشتری: شرکت البرز', linkPath: '/customers/c1' }, 'سارا رضایی');
    expect(forOther).toMatchObject({ userId: 'u2', link: '/customers/c1', body: 'تماس با مشتری\nجزئیات بیشتر\nدربارهٔ مشتری: شرکت البرز\nثبت‌شده توسط سارا رضایی' });
    expect(notificationOf({ ...base, text: 'ا'.repeat(500) }, null).title.length).toBeLessThanOrEqual(300);
  });

  it('writes the SMS with its Tehran time and stays within one outbox message', () => {
    expect(smsTextOf(base)).toBe('یادآور 1403/12/20 11:00: تماس با مشتری\nجزئیات بیشتر');
    expect(smsTextOf({ ...base, text: 'ب'.repeat(1000) }).length).toBe(900);
  });
});
