import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import type { ImportPreview } from './import-kit.js';
import { initialMapping, type ColumnMapping } from './mapping-step.js';

export type WizardStep = 0 | 1 | 2 | 3 | 4;

/**
 * The state every import wizard keeps: the step, the file's preview and mapping, the module's options,
 * the validation report and the running import. `?id=` in the address opens a past import's summary;
 * starting an import puts its id there, so a reload shows its progress.
 */
export function useImportWizard<O, R extends { id: string }>(settings: {
  defaultOptions: O;
  startImport: (id: string) => Promise<unknown>;
  /** The options once the mapping is chosen (e.g. match fields no column provides are dropped). */
  optionsForMapping: (options: O, mapped: ReadonlySet<string>) => O;
}) {
  const { defaultOptions, startImport } = settings;
  const t = useT();
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const [step, setStep] = useState<WizardStep>(openId ? 4 : 0);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [options, setOptions] = useState<O>(defaultOptions);
  const [report, setReport] = useState<R | null>(null);
  const [importId, setImportId] = useState<string | null>(openId);
  const [justStarted, setJustStarted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Only a change of the address counts: the wizard's own state changes first and the address follows.
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
    setOptions(defaultOptions);
    setReport(null);
    setImportId(null);
    setJustStarted(false);
    setError(null);
    setStep(0);
    setParams({}, { replace: true });
  };

  const choosePreview = (p: ImportPreview) => {
    setPreview(p);
    setMapping(initialMapping(p));
    setReport(null);
    setStep(1);
  };

  /** Runs a server call with the busy flag on and its refusal shown as the step's error. */
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

  const showReport = (r: R) => {
    setReport(r);
    setStep(3);
  };

  const start = () =>
    run(async () => {
      if (!report) return;
      await startImport(report.id);
      setImportId(report.id);
      setJustStarted(true);
      setStep(4);
      seenId.current = report.id;
      setParams({ id: report.id }, { replace: true });
    });

  const backToMapping = () => {
    setError(null);
    setStep(1);
  };

  /** Fields chosen for at least one column. */
  const mappedFields = new Set(Object.values(mapping).filter(Boolean));

  /** The mapping step's props: its back button restarts, its next goes to the options. */
  const mappingStep = preview && {
    preview,
    mapping,
    onChange: setMapping,
    onBack: restart,
    onNext: () => {
      setOptions((o) => settings.optionsForMapping(o, mappedFields));
      setStep(2);
    },
  };
  /** The mapping as the API takes it: column index → field, ignored columns left out. */
  const chosenMapping = () => Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Record<string, string>;

  return {
    step, setStep, preview, options, setOptions, report, importId, justStarted, busy, error, setError,
    restart, choosePreview, run, showReport, start, backToMapping, mappedFields, chosenMapping, mappingStep,
  };
}
