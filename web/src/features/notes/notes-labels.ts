// Persian first; English for an English UI.
export const NOTES_TEXT = {
  title: { fa: 'یادداشت‌ها', en: 'Notes' },
  placeholder: { fa: 'یادداشتی درباره این مشتری بنویسید…', en: 'Write a note about this customer…' },
  body: { fa: 'متن یادداشت', en: 'Note' },
  private: { fa: 'خصوصی (فقط خودم می‌بینم)', en: 'Private (only I can see it)' },
  privateBadge: { fa: 'خصوصی', en: 'Private' },
  privateHint: { fa: 'یادداشت خصوصی را هیچ‌کس جز شما نمی‌بیند، حتی مدیر سیستم.', en: 'Nobody but you sees a private note, administrators included.' },
  add: { fa: 'ثبت یادداشت', en: 'Add note' },
  empty: { fa: 'هنوز یادداشتی نیست.', en: 'No notes yet.' },
  deleteTitle: { fa: 'حذف یادداشت', en: 'Delete note' },
  deleteConfirm: { fa: 'این یادداشت حذف شود؟', en: 'Delete this note?' },
  saved: { fa: 'یادداشت ثبت شد', en: 'Note saved' },
  edited: { fa: 'ویرایش‌شده', en: 'edited' },
};
