import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n/locale-provider.js';
import { ImageUploadField, type UploadResult } from '../../components/ui/form/image-upload-field.js';
import { staffApi, staffKeys, type Staff } from './staff-api.js';

type Kind = 'photo' | 'signature';

/** Photo and signature: uploaded at once for a saved record, after saving for a new one. */
export function StaffImages({
  staff,
  readOnly,
  onPending,
}: {
  staff: Staff | undefined;
  readOnly: boolean;
  onPending: (kind: Kind, file: File | null) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const uploaded = (result: UploadResult) => {
    if (!staff) return;
    // The endpoints answer with the updated staff record.
    if (typeof result.id === 'string' && result.id === staff.id) queryClient.setQueryData(staffKeys.one(staff.id), result as unknown as Staff);
    else void queryClient.invalidateQueries({ queryKey: staffKeys.one(staff.id) });
    void queryClient.invalidateQueries({ queryKey: ['audit-log', 'staff', staff.id] });
    void queryClient.invalidateQueries({ queryKey: ['table', 'staff'] });
  };
  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
          {t.staff.sectionImages}
        </Typography>
        <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
          <ImageUploadField
            label={t.staff.photo}
            fileId={staff?.photoFileId}
            uploadUrl={staff ? staffApi.photoUrl(staff.id) : undefined}
            fileIdField="photoFileId"
            onUploaded={(_id, r) => uploaded(r)}
            onFileSelected={(f) => onPending('photo', f)}
            disabled={readOnly}
          />
          <ImageUploadField
            label={t.staff.signature}
            fileId={staff?.signatureFileId}
            uploadUrl={staff ? staffApi.signatureUrl(staff.id) : undefined}
            fileIdField="signatureFileId"
            onUploaded={(_id, r) => uploaded(r)}
            onFileSelected={(f) => onPending('signature', f)}
            disabled={readOnly}
            size={{ width: 200, height: 110 }}
          />
        </Box>
      </CardContent>
    </Card>
  );
}
