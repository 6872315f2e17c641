import AddPhotoAlternateOutlined from '@mui/icons-material/AddPhotoAlternateOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { api, fileUrl } from '../../../app/api-client.js';
import { errorText, useFormat } from '../../../app/format.js';
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
  /** The picture's alt text when the label is an instruction rather than a name (default: label). */
  alt?: string;
  /** Current stored image. */
  fileId?: string | null;
  /**
   * Upload immediately (multipart field `file`) when set. Without it (a record not saved yet) the
   * chosen file is handed to `onFileSelected` and uploaded by the page after saving.
   */
  uploadUrl?: string | undefined;
  /** PUT for endpoints that replace the one image of a record (`PUT /api/products/{id}/image`). */
  uploadMethod?: 'POST' | 'PUT';
  /** The multipart field name (default `file`). */
  uploadField?: string;
  /** Where the answer carries the new file id when it returns the whole record (`photoFileId`). */
  fileIdField?: string;
  onUploaded?: (fileId: string | undefined, result: UploadResult) => void;
  onFileSelected?: (file: File | null) => void;
  /** Shows a remove button while there is an image; a rejected promise is shown as the field's error. */
  onRemove?: () => Promise<void>;
  disabled?: boolean;
  maxSizeMb?: number;
  /** Preview box size in px. */
  size?: { width: number; height: number };
  helperText?: string | undefined;
  error?: boolean;
};

export function ImageUploadField({
  label,
  alt,
  fileId,
  uploadUrl,
  uploadMethod = 'POST',
  uploadField,
  fileIdField,
  onUploaded,
  onFileSelected,
  onRemove,
  disabled = false,
  maxSizeMb = 5,
  size = { width: 140, height: 140 },
  helperText,
  error,
}: ImageUploadFieldProps) {
  const t = useT();
  const f = useFormat();
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

  // Once the record exists (it got an upload URL) or its stored image changed, the server's image is the
  // truth: a file chosen before saving has been uploaded by the page (or failed, and must not linger).
  useEffect(() => {
    setPending(false);
    setLocalPreview(null);
  }, [uploadUrl, fileId]);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again must fire change again
    if (!file) return;
    if (!file.type.startsWith('image/')) return setProblem(t.upload.notImage);
    if (file.size > maxSizeMb * 1024 * 1024) return setProblem(t.upload.tooLarge(f.number(maxSizeMb)));
    setProblem(null);
    setLocalPreview(URL.createObjectURL(file));
    if (!uploadUrl) {
      setPending(true);
      onFileSelected?.(file);
      return;
    }
    setBusy(true);
    try {
      const result = await api.upload<UploadResult>(uploadUrl, file, { method: uploadMethod, ...(uploadField ? { field: uploadField } : {}) });
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

  const remove = async () => {
    if (pending) {
      // Not uploaded yet: just forget the chosen file.
      setPending(false);
      setLocalPreview(null);
      onFileSelected?.(null);
      return;
    }
    if (!onRemove) return;
    setBusy(true);
    setProblem(null);
    try {
      await onRemove();
      setLocalPreview(null);
    } catch (err) {
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
          <Box component="img" src={src} alt={alt ?? label} sx={{ width: '100%', height: '100%', objectFit: 'contain' }} />
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
      <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
        <Button size="small" onClick={() => inputRef.current?.click()} disabled={disabled || busy}>
          {src ? t.upload.change : t.upload.choose}
        </Button>
        {src && (onRemove || pending) && (
          <Button size="small" color="error" onClick={() => void remove()} disabled={disabled || busy}>
            {t.upload.remove}
          </Button>
        )}
      </Box>
      {message && <FormHelperText error={Boolean(problem || error)}>{message}</FormHelperText>}
    </Box>
  );
}
