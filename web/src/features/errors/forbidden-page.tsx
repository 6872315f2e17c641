import { useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { ErrorState } from './error-state.js';

export function ForbiddenPage() {
  const t = useT();
  const f = useFormat();
  return <ErrorState code={f.digits(403)} title={t.errors.forbiddenTitle} body={t.errors.forbiddenBody} />;
}
