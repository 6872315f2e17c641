import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import type { ImportEndpoints, ImportPreview, ImportProgress, ImportWizardTexts } from './import-kit.js';

type Props<S extends ImportProgress> = {
  endpoints: ImportEndpoints<S>;
  texts: ImportWizardTexts;
  onPreview: (p: ImportPreview) => void;
  /** Shown under the drop zone: the module's past imports. */
  children?: ReactNode;
};

/** Step 1: drop or choose a file; the server reads it and suggests a mapping. */
export function UploadStep<S extends ImportProgress>({ endpoints, texts: I, onPreview, children }: Props<S>) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File | undefined) => {
    if (!file) return;
    if (!endpoints.accept.extensions.some((ext) => file.name.toLowerCase().endsWith(ext))) return setError(I.wrongType);
    setBusy(true);
    setError(null);
    try {
      onPreview(await endpoints.preview(file));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <>
      <Box
        role="button"
        tabIndex={0}
        aria-label={I.dropHere}
        onClick={() => !busy && input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: over ? 'primary.main' : 'divider',
          bgcolor: over ? 'action.hover' : 'background.paper',
          borderRadius: 2,
          p: 5,
          textAlign: 'center',
          cursor: busy ? 'progress' : 'pointer',
        }}
      >
        <UploadFileOutlined sx={{ fontSize: 48, color: 'primary.main' }} />
        <Typography variant="h4" component="p" sx={{ mt: 1 }}>
          {busy ? I.reading : I.dropHere}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {I.accepted}
        </Typography>
        <Button variant="contained" sx={{ mt: 2 }} disabled={busy} tabIndex={-1}>
          {I.chooseFile}
        </Button>
        <input ref={input} type="file" hidden accept={endpoints.accept.attribute} aria-label={I.chooseFile} onChange={(e) => void take(e.target.files?.[0])} />
        {busy && <LinearProgress sx={{ mt: 2 }} />}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      {children}
    </>
  );
}
