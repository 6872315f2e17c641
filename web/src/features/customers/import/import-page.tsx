import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../app/i18n/locale-provider.js';
import { ImportHistory } from '../../../components/import/import-history.js';
import { MappingStep } from '../../../components/import/mapping-step.js';
import { ReviewStep } from '../../../components/import/review-step.js';
import { RunStep } from '../../../components/import/run-step.js';
import { UploadStep } from '../../../components/import/upload-step.js';
import { useImportWizard } from '../../../components/import/use-import-wizard.js';
import { WizardFrame } from '../../../components/import/wizard-frame.js';
import { customerImportEndpoints, importApi, type ImportState, type ValidationReport } from './import-api.js';
import { DEFAULT_OPTIONS, matchFieldsFor, OptionsStep, type ImportOptions } from './options-step.js';

const VALIDATION_POLL_MS = 500;

/** /customers/import — upload → map columns → duplicates → review → import (summary, undo). `?id=` opens a past import. */
export function CustomerImportPage() {
  const t = useT();
  const I = t.customerImport;
  const w = useImportWizard<ImportOptions, ValidationReport>({
    defaultOptions: DEFAULT_OPTIONS,
    startImport: importApi.start,
    optionsForMapping: (o, mapped) => ({ ...o, matchFields: matchFieldsFor(o.matchFields, mapped) }),
  });
  const [checking, setChecking] = useState<Pick<ImportState, 'processedRows' | 'totalRows'> | null>(null);
  // Polling stops when the page is left.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // The validation pass runs on the server in the background (a large file takes seconds): it is polled
  // like the import itself, and its progress is shown on the options step.
  const validate = () =>
    w.run(async () => {
      if (!w.preview) return;
      const { options } = w;
      try {
        const queued = await importApi.validate({
          fileId: w.preview.fileId,
          mapping: w.chosenMapping(),
          policy: options.policy,
          matchFields: options.matchFields,
          defaultKind: options.defaultKind,
          ...(options.owner ? { ownerId: options.owner.id } : {}),
        });
        let s: ImportState = queued;
        setChecking(s);
        while (s.status === 'validating') {
          await new Promise((r) => setTimeout(r, VALIDATION_POLL_MS));
          if (!mounted.current) return;
          s = await importApi.status(queued.id);
          setChecking(s);
        }
        if (s.status !== 'validated') {
          w.setError(s.error ? `${I.validationFailed}: ${s.error}` : I.validationFailed);
          return;
        }
        w.showReport(await importApi.validation(queued.id));
      } finally {
        setChecking(null);
      }
    });

  return (
    <WizardFrame title={I.title} backTo="/customers" steps={I.steps} step={w.step}>
      {w.step === 0 && (
        <UploadStep endpoints={customerImportEndpoints} texts={I} onPreview={w.choosePreview}>
          <ImportHistory endpoints={customerImportEndpoints} texts={I} />
        </UploadStep>
      )}
      {w.step === 1 && w.mappingStep && <MappingStep texts={I} {...w.mappingStep} />}
      {w.step === 2 && (
        <OptionsStep
          value={w.options}
          onChange={w.setOptions}
          mapped={w.mappedFields}
          busy={w.busy}
          checking={checking}
          error={w.error}
          onBack={() => w.setStep(1)}
          onNext={() => void validate()}
        />
      )}
      {w.step === 3 && w.report && (
        <ReviewStep texts={I} report={w.report} busy={w.busy} error={w.error} onBackToMapping={w.backToMapping} onStart={() => void w.start()} />
      )}
      {w.step === 4 && w.importId && (
        <RunStep endpoints={customerImportEndpoints} texts={I} importId={w.importId} justStarted={w.justStarted} onAnother={w.restart} />
      )}
    </WizardFrame>
  );
}
