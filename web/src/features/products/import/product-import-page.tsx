import { ImportHistory } from '../../../components/import/import-history.js';
import { MappingStep } from '../../../components/import/mapping-step.js';
import { ReviewStep } from '../../../components/import/review-step.js';
import { RunStep } from '../../../components/import/run-step.js';
import { UploadStep } from '../../../components/import/upload-step.js';
import { useImportWizard } from '../../../components/import/use-import-wizard.js';
import { WizardFrame } from '../../../components/import/wizard-frame.js';
import { productImportApi, productImportEndpoints, type ValidationReport } from './import-api.js';
import { useProductImportT } from './import-i18n.js';
import { OpeningStockReceipts } from './opening-stock-receipts.js';
import { DEFAULT_OPTIONS, matchFieldsFor, OptionsStep, type ImportOptions } from './options-step.js';

/** /products/import — upload → map columns (prices per list, opening stock per warehouse) → duplicates → review → import. `?id=` opens a past import. */
export function ProductImportPage() {
  const I = useProductImportT();
  const w = useImportWizard<ImportOptions, ValidationReport>({
    defaultOptions: DEFAULT_OPTIONS,
    startImport: productImportApi.start,
    optionsForMapping: (o, mapped) => ({ ...o, matchFields: matchFieldsFor(o.matchFields, mapped) }),
  });

  const validate = () =>
    w.run(async () => {
      if (!w.preview) return;
      const { policy, matchFields } = w.options;
      w.showReport(await productImportApi.validate({ fileId: w.preview.fileId, mapping: w.chosenMapping(), policy, matchFields }));
    });

  return (
    <WizardFrame title={I.title} backTo="/products" steps={I.steps} step={w.step}>
      {w.step === 0 && (
        <UploadStep endpoints={productImportEndpoints} texts={I} onPreview={w.choosePreview}>
          <ImportHistory endpoints={productImportEndpoints} texts={I} columns={[{ key: 'stockLines', header: I.stockLines, value: (h) => h.stockLines }]} />
        </UploadStep>
      )}
      {w.step === 1 && w.mappingStep && <MappingStep texts={I} {...w.mappingStep} />}
      {w.step === 2 && (
        <OptionsStep value={w.options} onChange={w.setOptions} mapped={w.mappedFields} busy={w.busy} error={w.error} onBack={() => w.setStep(1)} onNext={() => void validate()} />
      )}
      {w.step === 3 && w.report && (
        <ReviewStep
          texts={I}
          report={w.report}
          extraStats={[
            { key: 'prices', label: I.prices, value: w.report.prices },
            { key: 'stockLines', label: I.stockLines, value: w.report.stockLines },
          ]}
          busy={w.busy}
          error={w.error}
          onBackToMapping={w.backToMapping}
          onStart={() => void w.start()}
        />
      )}
      {w.step === 4 && w.importId && (
        <RunStep
          endpoints={productImportEndpoints}
          texts={I}
          importId={w.importId}
          justStarted={w.justStarted}
          onAnother={w.restart}
          extraStats={(s) => [
            { key: 'prices', label: I.prices, value: s.pricesWritten },
            { key: 'stockLines', label: I.stockLines, value: s.stockLines },
          ]}
          extra={(s) => <OpeningStockReceipts ids={s.stockDocumentIds} />}
        />
      )}
    </WizardFrame>
  );
}
