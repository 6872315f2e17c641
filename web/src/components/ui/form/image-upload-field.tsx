import AddPhotoAlternateOutlined from '@mui/icons-material/AddPhotoAlternateOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { api, fileUrl } from '../../../app/api-client.js';
import { errorText } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { useToast } from '../toast-provider.js';

/** What an upload endpoint answers; the file id field name varies by endpoint. */
export type UploadResult = { fileId?: string; id?: string; [key: string]: unknown };

/**
 * The stored file's id in an upload answer: `fileIdField` when given (endpoints that return the
 * whole record, e.g. `photoFileId` of a staff member), else `fileId`, else a lone `…FileId`, else `id`.
 */
export function uploadedFileId(r: UploadResult | undefined, fileIdField?: string): string | undefined {
  if (!r || typeof r !== 'object') return undefined;
  const pick = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  if (fileIdField) return pick(fileIdField);
  if (pick('fileId')) return pick('fileId');
  const others = Object.keys(r).filter((k) => k.endsWith('FileId') && typeof r[k] === 'string');
  if (others.length === 1 && others[0]) return pick(others[0]);
  return pick('id');
}

export type ImageUploadFieldProps = {
  label: string;
  /** Current stored image. */
  fileId?: string | null;
  /**
   * Upload immediately (multipart field `file`) when set. Without it (a record not saved yet) the
   * chosen file is handed to `onFileSelected` and uploaded by the page after saving.
   */
  uploadUrl?: string | undefined;
  /** Where the answer carries the new file id when it returns the whole record (`photoFileId`). */
  fileIdField?: string;
  onUploaded?: (fileId: string | undefined, result: UploadResult) => void;
  onFileSelected?: (file: File | null) => void;
  disabled?: boolean;
  maxSizeMb?: number;
  /** Preview box size in px. */
  size?: { width: number; height: number };
  helperText?: string | undefined;
  error?: boolean;
};

export function ImageUploadField({
  label,
  fileId,
  uploadUrl,
  fileIdField,
  onUploaded,
  onFileSelected,
  disabled = false,
  maxSizeMb = 5,
  size = { width: 140, height: 140 },
  helperText,
  error,
}: ImageUploadFieldProps) {
  const t = useT();
  const toast = useToast();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [localPreview, setLocalPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => () => {
    if (localPreview) URL.revokeObjectURL(localPreview);
  }, [localPreview]);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must fire change again
    if (!file) return;
    if (!file.type.startsWith('image/')) return setProblem(t.upload.notImage);
    if (file.size > maxSizeMb * 1024 * 1024) return setProblem(t.upload.tooLarge(String(maxSizeMb)));
    setProblem(null);
    setLocalPreview(URL.createObjectURL(file));
    if (!uploadUrl) {
      setPending(true);
      onFileSelected?.(file);
      return;
    }
    setBusy(true);
    try {
      const result = await api.upload<UploadResult>(uploadUrl, file);
      setPending(false);
      onUploaded?.(uploadedFileId(result, fileIdField), result ?? {});
      toast.success(t.upload.uploaded);
    } catch (err) {
      setLocalPreview(null);
      setProblem(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const src = localPreview ?? fileUrl(fileId);
  const message = problem ?? (pending ? t.upload.pendingHint : helperText);
  return (
    <Box>
      <Typography component="label" htmlFor={inputId} variant="body2" color="text.secondary" sx={{ display: 'block', mb: 1 }}>
        {label}
      </Typography>
      <Box
        sx={{
          ...size,
          position: 'relative',
          border: 1,
          borderStyle: src ? 'solid' : 'dashed',
          borderColor: problem || error ? 'error.main' : 'divider',
          borderRadius: 2,
          display: 'grid',
          placeItems: 'center',
          overflow: 'hidden',
          bgcolor: 'action.hover',
        }}
      >
        {src ? (
          <Box component="img" src={src} alt={label} sx={{ width: '100%', height: '100%', objectFit: 'contain' }} />
        ) : (
          <AddPhotoAlternateOutlined color="disabled" sx={{ fontSize: 40 }} />
        )}
        {busy && (
          <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', bgcolor: 'rgba(255,255,255,0.7)' }}>
            <CircularProgress size={28} aria-label={t.upload.uploading} />
          </Box>
        )}
      </Box>
      <input ref={inputRef} id={inputId} type="file" accept="image/*" hidden onChange={(e) => void onPick(e)} disabled={disabled || busy} />
      <Button size="small" sx={{ mt: 1 }} onClick={() => inputRef.current?.click()} disabled={disabled || busy}>
        {src ? t.upload.change : t.upload.choose}
      </Button>
      {message && <FormHelperText error={Boolean(problem || error)}>{message}</FormHelperText>}
    </Box>
  );
}
