import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../app/api-client.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useToast } from '../../components/ui/toast-provider.js';
import type { Staff } from '../staff/staff-api.js';
import { StaffMultiAutocomplete, type StaffRef } from '../staff/staff-autocomplete.js';
import { principalApi, principalKeys } from './roles-api.js';

type GroupDetail = { id: string; memberIds?: string[]; members?: Array<{ id: string; name?: string; fullName?: string }> };

/** Members of a user group; saved with PATCH /api/user-groups/{id} {memberIds}. */
export function GroupMembers({ groupId, readOnly }: { groupId: string; readOnly: boolean }) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: principalKeys.one('user-groups', groupId),
    queryFn: () => api.get<GroupDetail>(`/api/user-groups/${encodeURIComponent(groupId)}`),
  });

  // Names: from `members` when the server sends them, otherwise looked up per id.
  const named = useMemo<StaffRef[] | null>(
    () => detail.data?.members?.map((m) => ({ id: m.id, name: m.fullName ?? m.name ?? m.id })) ?? null,
    [detail.data],
  );
  const bareIds = named ? [] : (detail.data?.memberIds ?? []).slice(0, 100);
  const lookups = useQueries({
    queries: bareIds.map((id) => ({
      queryKey: ['staff', id],
      queryFn: () => api.get<Staff>(`/api/staff/${encodeURIComponent(id)}`),
      staleTime: 60_000,
    })),
  });
  const lookedUp = lookups.every((l) => !l.isPending);
  const resolved = named ?? bareIds.map((id, i) => ({ id, name: lookups[i]?.data?.fullName ?? id }));

  const [members, setMembers] = useState<StaffRef[] | null>(null);
  const [busy, setBusy] = useState(false);
  const resolvedKey = resolved.map((m) => `${m.id}:${m.name}`).join('|');
  useEffect(() => {
    if (detail.data && lookedUp) setMembers(resolved);
    // resolvedKey stands for `resolved` (a new array every render)
  }, [detail.data, lookedUp, resolvedKey]);

  const savedIds = resolved.map((m) => m.id).sort().join(',');
  const dirty = members !== null && members.map((m) => m.id).sort().join(',') !== savedIds;

  const save = async () => {
    if (!members) return;
    setBusy(true);
    try {
      await principalApi.update('user-groups', groupId, { memberIds: members.map((m) => m.id) });
      void queryClient.invalidateQueries({ queryKey: principalKeys.one('user-groups', groupId) });
      void queryClient.invalidateQueries({ queryKey: principalKeys.list('user-groups') });
      void queryClient.invalidateQueries({ queryKey: ['table', 'staff'] });
      toast.success(t.roles.membersSaved);
    } catch (err) {
      toast.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card component="section">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 2 }}>
          <Typography variant="h3" component="h2" sx={{ flex: 1 }}>
            {t.roles.members}
          </Typography>
          {!readOnly && (
            <Button variant="contained" onClick={() => void save()} disabled={!dirty || busy}>
              {t.common.save}
            </Button>
          )}
        </Box>
        {detail.isError && <Alert severity="error">{errorText(detail.error, t)}</Alert>}
        {members === null && !detail.isError ? (
          <Skeleton variant="rounded" height={40} />
        ) : (
          <StaffMultiAutocomplete label={t.roles.members} value={members ?? []} onChange={setMembers} disabled={readOnly} />
        )}
      </CardContent>
    </Card>
  );
}
