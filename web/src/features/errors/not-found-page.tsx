import { useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { ErrorState } from './error-state.js';

export function NotFoundPage() {
  const t = useT();
  const f = useFormat();
  return <ErrorState code={f.digits(404)} title={t.errors.notFoundTitle} body={t.errors.notFoundBody} />;
}
