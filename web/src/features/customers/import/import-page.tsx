import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { errorText, useFormat } from '../../../app/format.js';
import { useLocale, useT } from '../../../app/i18n/locale-provider.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { ImportHistory } from '../../../components/import/import-history.js';
import { initialMapping, MappingStep, type ColumnMapping } from '../../../components/import/mapping-step.js';
import { ReviewStep } from '../../../components/import/review-step.js';
import { RunStep } from '../../../components/import/run-step.js';
import { UploadStep } from '../../../components/import/upload-step.js';
import { customerImportEndpoints, importApi, type ImportPreview, type ImportState, type ValidationReport } from './import-api.js';
import { DEFAULT_OPTIONS, matchFieldsFor, OptionsStep, type ImportOptions } from './options-step.js';

type StepIndex = 0 | 1 | 2 | 3 | 4;
const VALIDATION_POLL_MS = 500;

/** /customers/import — upload → map columns → duplicates → review → import (summary, undo). `?id=` opens a past import. */
export function CustomerImportPage() {
  const t = useT();
  const f = useFormat();
  const { dir } = useLocale();
  const I = t.customerImport;
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const [step, setStep] = useState<StepIndex>(openId ? 4 : 0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [importId, setImportId] = useState<string | null>(openId);
  const [justStarted, setJustStarted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState<Pick<ImportState, 'processedRows' | 'totalRows'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Polling stops when the page is left.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // A history link (?id=…) opens that import's summary. Only a change of the address counts: the
  // wizard's own state changes first and the address follows a moment later.
  const seenId = useRef(openId);
  useEffect(() => {
    if (openId === seenId.current) return;
    seenId.current = openId;
    if (openId && openId !== importId) {
      setImportId(openId);
      setJustStarted(false);
      setStep(4);
    }
  }, [openId, importId]);

  const restart = () => {
    setPreview(null);
    setMapping({});
    setOptions(DEFAULT_OPTIONS);
    setReport(null);
    setImportId(null);
    setJustStarted(false);
    setError(null);
    setStep(0);
    setParams({}, { replace: true });
  };

  // The validation pass runs on the server in the background (a large file takes seconds): it is polled
  // like the import itself, and its progress is shown on the options step.
  const validate = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Record<string, string>;
      const queued = await importApi.validate({
        fileId: preview.fileId,
        mapping: chosen,
        policy: options.policy,
        matchFields: options.matchFields,
        defaultKind: options.defaultKind,
        ...(options.owner ? { ownerId: options.owner.id } : {}),
      });
      const id = queued.id;
      let s: ImportState = queued;
      setChecking(s);
      while (s.status === 'validating') {
        await new Promise((r) => setTimeout(r, VALIDATION_POLL_MS));
        if (!mounted.current) return;
        s = await importApi.status(id);
        setChecking(s);
      }
      if (s.status !== 'validated') {
        setError(s.error ? `${I.validationFailed}: ${s.error}` : I.validationFailed);
        return;
      }
      setReport(await importApi.validation(id));
      setStep(3);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
      setChecking(null);
    }
  };

  const start = async () => {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      await importApi.start(report.id);
      setImportId(report.id);
      setJustStarted(true);
      setStep(4);
      seenId.current = report.id;
      setParams({ id: report.id }, { replace: true });
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const mappedFields = new Set(Object.values(mapping).filter(Boolean));
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  return (
    <>
      <PageHeader
        title={I.title}
        back={
          <IconButton component={RouterLink} to="/customers" aria-label={t.common.back}>
            <BackIcon />
          </IconButton>
        }
      />
      <Stepper activeStep={step} alternativeLabel sx={{ mb: 3 }}>
        {I.steps.map((label, i) => (
          <Step key={label} completed={i < step}>
            <StepLabel icon={f.digits(i + 1)}>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Card>
        <CardContent>
          {step === 0 && (
            <UploadStep
              endpoints={customerImportEndpoints}
              texts={I}
              onPreview={(p) => {
                setPreview(p);
                setMapping(initialMapping(p));
                setReport(null);
                setStep(1);
              }}
            >
              <ImportHistory endpoints={customerImportEndpoints} texts={I} />
            </UploadStep>
          )}
          {step === 1 && preview && (
            <MappingStep
              texts={I}
              preview={preview}
              mapping={mapping}
              onChange={setMapping}
              onBack={restart}
              onNext={() => {
                setOptions((o) => ({ ...o, matchFields: matchFieldsFor(o.matchFields, mappedFields) }));
                setStep(2);
              }}
            />
          )}
          {step === 2 && (
            <OptionsStep value={options} onChange={setOptions} mapped={mappedFields} busy={busy} checking={checking} error={error} onBack={() => setStep(1)} onNext={() => void validate()} />
          )}
          {step === 3 && report && (
            <ReviewStep texts={I} report={report} busy={busy} error={error} onBackToMapping={() => { setError(null); setStep(1); }} onStart={() => void start()} />
          )}
          {step === 4 && importId && <RunStep endpoints={customerImportEndpoints} texts={I} importId={importId} justStarted={justStarted} onAnother={restart} />}
        </CardContent>
      </Card>
    </>
  );
}
