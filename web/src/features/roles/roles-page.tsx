import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n/locale-provider.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PrincipalsPanel } from './principals-panel.js';
import type { PrincipalKind } from './roles-api.js';

/** /roles — roles and user groups, each with its permission matrix. `?tab=groups&id=…` */
export function RolesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const kind: PrincipalKind = params.get('tab') === 'groups' ? 'user-groups' : 'roles';
  const selectedId = params.get('id');

  const select = (next: { kind?: PrincipalKind; id?: string | null }) => {
    const k = next.kind ?? kind;
    const p = new URLSearchParams();
    if (k === 'user-groups') p.set('tab', 'groups');
    const id = next.id === undefined ? selectedId : next.id;
    if (id && !next.kind) p.set('id', id);
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader title={t.roles.title} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={kind} onChange={(_e, v: PrincipalKind) => select({ kind: v, id: null })}>
          <Tab value="roles" label={t.roles.rolesTab} />
          <Tab value="user-groups" label={t.roles.groupsTab} />
        </Tabs>
      </Box>
      <PrincipalsPanel key={kind} kind={kind} selectedId={selectedId} onSelect={(id) => select({ id })} />
    </>
  );
}
