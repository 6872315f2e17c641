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
import { productImportApi, productImportEndpoints, type ImportPreview, type ValidationReport } from './import-api.js';
import { useProductImportT } from './import-i18n.js';
import { DEFAULT_OPTIONS, matchFieldsFor, OptionsStep, type ImportOptions } from './options-step.js';
import { OpeningStockReceipts } from './opening-stock-receipts.js';

type StepIndex = 0 | 1 | 2 | 3 | 4;

/** /products/import — upload → map columns (prices per list, opening stock per warehouse) → duplicates → review → import. `?id=` opens a past import. */
export function ProductImportPage() {
  const t = useT();
  const f = useFormat();
  const { dir } = useLocale();
  const I = useProductImportT();
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
  const [error, setError] = useState<string | null>(null);

  // A history link (?id=…) opens that import's summary; only a change of the address counts.
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

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const validate = () => run(async () => {
    if (!preview) return;
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Record<string, string>;
    setReport(await productImportApi.validate({ fileId: preview.fileId, mapping: chosen, policy: options.policy, matchFields: options.matchFields }));
    setStep(3);
  });

  const start = () => run(async () => {
    if (!report) return;
    await productImportApi.start(report.id);
    setImportId(report.id);
    setJustStarted(true);
    setStep(4);
    seenId.current = report.id;
    setParams({ id: report.id }, { replace: true });
  });

  const mappedFields = new Set(Object.values(mapping).filter(Boolean));
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  return (
    <>
      <PageHeader title={I.title} back={<IconButton component={RouterLink} to="/products" aria-label={t.common.back}><BackIcon /></IconButton>} />
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
            <UploadStep endpoints={productImportEndpoints} texts={I} onPreview={(p) => { setPreview(p); setMapping(initialMapping(p)); setReport(null); setStep(1); }}>
              <ImportHistory endpoints={productImportEndpoints} texts={I} columns={[{ key: 'stockLines', header: I.stockLines, value: (h) => h.stockLines }]} />
            </UploadStep>
          )}
          {step === 1 && preview && (
            <MappingStep
              texts={I}
              preview={preview}
              mapping={mapping}
              onChange={setMapping}
              onBack={restart}
              onNext={() => { setOptions((o) => ({ ...o, matchFields: matchFieldsFor(o.matchFields, mappedFields) })); setStep(2); }}
            />
          )}
          {step === 2 && <OptionsStep value={options} onChange={setOptions} mapped={mappedFields} busy={busy} error={error} onBack={() => setStep(1)} onNext={() => void validate()} />}
          {step === 3 && report && <ReviewStep
              texts={I}
              report={report}
              extraStats={[{ key: 'prices', label: I.prices, value: report.prices }, { key: 'stockLines', label: I.stockLines, value: report.stockLines }]} busy={busy} error={error} onBackToMapping={() => { setError(null); setStep(1); }} onStart={() => void start()} />}
          {step === 4 && importId && (
            <RunStep
              endpoints={productImportEndpoints}
              texts={I}
              importId={importId}
              justStarted={justStarted}
              onAnother={restart}
              extraStats={(s) => [{ key: 'prices', label: I.prices, value: s.pricesWritten }, { key: 'stockLines', label: I.stockLines, value: s.stockLines }]}
              extra={(s) => <OpeningStockReceipts ids={s.stockDocumentIds} />}
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
