import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { STOCK_DOCUMENT_KINDS, type StockDocumentKind } from '@common/contracts/inventory.contract.js';
import { parseJalaliOrIso } from '@common/jalali.js';
import { toPersianDigits } from '@common/text.js';
import { formatQuantity, parseQuantity } from '@common/quantity.js';
import { errorText } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import { useCan } from '../../app/auth/can.js';
import { PERMISSIONS as P } from '../../app/navigation.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { problemFieldErrors, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { JalaliDateTimeField } from '../../components/ui/jalali/jalali-date-time-field.js';
import { DocumentLinesEditor, emptyLine, type LineDraft } from './document-lines-editor.js';
import { inventoryApi, newKey, type StockDocumentFull } from './inventory-api.js';
import { kindLabel, STATUS_LABEL } from './i18n.js';

/** «۱۲٫۵» in the input: the server reads Persian digits and ٫ back. */
const editQty = (v: string) => { const r = parseQuantity(v); return r.ok ? formatQuantity(r.value, { grouping: false }) : v; };

type Head = { kind: StockDocumentKind; docDate: Date | null; warehouseId: string; toWarehouseId: string; sourceDocumentId: string; reference: string; description: string };
const blankHead = (): Head => ({ kind: 'receipt', docDate: new Date(), warehouseId: '', toWarehouseId: '', sourceDocumentId: '', reference: '', description: '' });

function fromDocument(d: StockDocumentFull): { head: Head; lines: LineDraft[] } {
  return {
    head: { kind: d.kind, docDate: parseJalaliOrIso(d.docDate), warehouseId: d.warehouseId, toWarehouseId: d.toWarehouseId ?? '', sourceDocumentId: d.sourceDocumentId ?? '', reference: d.reference ?? '', description: d.description ?? '' },
    lines: d.lines.map((l) => ({
      key: l.id, product: { id: l.productId, code: l.productCode, name: l.productName, unitName: l.unitName, secondUnitName: l.secondUnitName },
      variantId: l.variantId, variant: Object.keys(l.attributes).length ? { code: l.variantCode, attributes: l.attributes } : undefined,
      quantity: editQty(l.quantity), quantity2: l.quantity2 ? editQty(l.quantity2) : '', description: l.description ?? '',
    })),
  };
}

/** /stock-documents/new and /stock-documents/:id — a draft is edited here, then confirmed; a confirmed one can be reversed. */
export function StockDocumentFormPage() {
  const { id } = useParams();
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canApprove = useCan(P.stockDocumentsApprove);
  const doc = useQuery({ queryKey: ['stock-document', id], queryFn: () => inventoryApi.document(id!), enabled: !!id });
  const warehouses = useQuery({ queryKey: ['warehouses'], queryFn: inventoryApi.warehouses });
  const [head, setHead] = useState<Head>(blankHead);
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);

  useEffect(() => {
    if (doc.data) { const f = fromDocument(doc.data); setHead(f.head); setLines(f.lines); }
  }, [doc.data]);

  const issues = useQuery({
    queryKey: ['stock-documents', 'issues', head.warehouseId],
    queryFn: () => inventoryApi.issues(head.warehouseId),
    enabled: head.kind === 'exit_permit' && !!head.warehouseId,
  });
  const readOnly = !!doc.data && doc.data.status !== 'draft';
  const activeWarehouses = useMemo(() => (warehouses.data?.items ?? []).filter((w) => w.active || w.id === head.warehouseId || w.id === head.toWarehouseId), [warehouses.data, head.warehouseId, head.toWarehouseId]);

  if (id && doc.isLoading) return <PageLoader />;
  const d = doc.data;

  const body = () => ({
    kind: head.kind, docDate: head.docDate ?? '', warehouseId: head.warehouseId, toWarehouseId: head.kind === 'transfer' ? head.toWarehouseId || null : null,
    sourceDocumentId: head.kind === 'exit_permit' ? head.sourceDocumentId || null : null, reference: head.reference, description: head.description,
    lines: lines.map((l) => ({ productId: l.product?.id ?? null, variantId: l.variantId ?? null, quantity: l.quantity, quantity2: l.quantity2 || null, description: l.description })),
  });
  const run = async (what: () => Promise<StockDocumentFull | void>, done: string) => {
    setBusy(true); setErrors({}); setMessage(null);
    try {
      const saved = await what();
      toast.success(done);
      await qc.invalidateQueries({ queryKey: ['table', 'stock-documents'] });
      if (saved && saved.id !== id) navigate(`/stock-documents/${saved.id}`, { replace: !d });
      else await doc.refetch();
    } catch (err) {
      setErrors(problemFieldErrors(err));
      setMessage(errorText(err, t));
    } finally { setBusy(false); }
  };
  const save = () => run(() => (d ? inventoryApi.updateDocument(d.id, { ...body(), version: d.version }) : inventoryApi.createDocument(body(), key)), 'پیش‌نویس ذخیره شد');
  const confirm = () => run(async () => { if (d) await inventoryApi.confirmDocument(d.id, newKey()); }, 'سند تایید شد و موجودی به‌روز شد');
  const reverse = () => run(() => inventoryApi.reverseDocument(d!.id), 'سند برگشتی ساخته و تایید شد');
  const remove = () => run(async () => { await inventoryApi.deleteDocument(d!.id); navigate('/stock-documents'); }, 'پیش‌نویس حذف شد');
  const set = (patch: Partial<Head>) => setHead((h) => ({ ...h, ...patch }));
  const title = d ? `${kindLabel(d.kind)} شماره ${toPersianDigits(d.number)} / ${toPersianDigits(d.fiscalYear)}` : 'سند انبار تازه';

  return (
    <>
      <PageHeader
        title={title}
        subtitle={d && <Stack direction="row" spacing={1}><Chip size="small" color={d.status === 'confirmed' ? 'success' : 'default'} label={STATUS_LABEL[d.status]} />{d.reversedById && <Chip size="small" color="warning" label="برگشت‌خورده" />}{d.reversesId && <Chip size="small" label="سند برگشتی" component={RouterLink} to={`/stock-documents/${d.reversesId}`} clickable />}</Stack>}
        actions={
          <>
            {!readOnly && <Button variant="outlined" disabled={busy} onClick={save}>ذخیره پیش‌نویس</Button>}
            {d && !readOnly && <Button color="error" disabled={busy} onClick={remove}>حذف</Button>}
            {d && !readOnly && canApprove && <Button variant="contained" disabled={busy} onClick={confirm}>تایید سند</Button>}
            {d && d.status === 'confirmed' && !d.reversedById && !d.reversesId && canApprove && <Button variant="outlined" color="warning" disabled={busy} onClick={reverse}>برگشت سند</Button>}
            {d?.reversedById && <Button component={RouterLink} to={`/stock-documents/${d.reversedById}`}>دیدن سند برگشتی</Button>}
          </>
        }
      />
      {message && <Alert severity="error" sx={{ mb: 2 }}>{message}</Alert>}
      <Paper sx={{ p: 2, mb: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField select size="small" label="نوع سند" value={head.kind} disabled={readOnly} onChange={(e) => set({ kind: e.target.value as StockDocumentKind })} sx={{ minWidth: 170 }}>
            {STOCK_DOCUMENT_KINDS.map((k) => <MenuItem key={k} value={k}>{kindLabel(k)}</MenuItem>)}
          </TextField>
          <Box sx={{ minWidth: 170 }}><JalaliDateTimeField label="تاریخ سند" withTime={false} value={head.docDate} onChange={(v) => set({ docDate: v })} disabled={readOnly} error={!!errors.docDate} helperText={errors.docDate} /></Box>
          <TextField select size="small" label={head.kind === 'transfer' ? 'انبار مبدأ' : 'انبار'} value={head.warehouseId} disabled={readOnly} onChange={(e) => set({ warehouseId: e.target.value })} error={!!errors.warehouseId} helperText={errors.warehouseId} sx={{ minWidth: 180 }}>
            {activeWarehouses.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
          </TextField>
          {head.kind === 'transfer' && (
            <TextField select size="small" label="انبار مقصد" value={head.toWarehouseId} disabled={readOnly} onChange={(e) => set({ toWarehouseId: e.target.value })} error={!!errors.toWarehouseId} helperText={errors.toWarehouseId} sx={{ minWidth: 180 }}>
              {activeWarehouses.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
            </TextField>
          )}
          {head.kind === 'exit_permit' && (
            <TextField select size="small" label="حواله مبنا" value={head.sourceDocumentId} disabled={readOnly} onChange={(e) => set({ sourceDocumentId: e.target.value })} error={!!errors.sourceDocumentId} helperText={errors.sourceDocumentId} sx={{ minWidth: 180 }}>
              {(issues.data?.items ?? []).map((x) => <MenuItem key={x.id} value={x.id}>{`حواله ${toPersianDigits(x.number)} (${toPersianDigits(x.fiscalYear)})`}</MenuItem>)}
              {d?.sourceDocumentId && !issues.data?.items.some((x) => x.id === d.sourceDocumentId) && <MenuItem value={d.sourceDocumentId}>حواله مبنا</MenuItem>}
            </TextField>
          )}
          {head.kind !== 'exit_permit' && <TextField size="small" label="مرجع" value={head.reference} disabled={readOnly} onChange={(e) => set({ reference: e.target.value })} />}
        </Stack>
        <TextField size="small" fullWidth label="توضیحات" value={head.description} disabled={readOnly} onChange={(e) => set({ description: e.target.value })} sx={{ mt: 2 }} />
      </Paper>
      <Paper sx={{ p: 2 }}>
        <DocumentLinesEditor lines={lines} onChange={setLines} errors={errors} readOnly={readOnly} quantityLabel={head.kind === 'adjustment' ? 'مقدار شمارش‌شده' : 'مقدار'} />
      </Paper>
    </>
  );
}
