import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { productCreate } from '@common/contracts/products.contract.js';
import { isApiError } from '../../app/api-client.js';
import { useCan } from '../../app/auth/can.js';
import { errorText } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PERMISSIONS } from '../../app/navigation.js';
import { useConfirm } from '../../components/ui/confirm-dialog.js';
import { useFormState, type FieldErrors } from '../../components/ui/form/use-form-state.js';
import { PageHeader } from '../../components/ui/page-header.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { RecordHistory } from '../../components/ui/record-history.js';
import { useToast } from '../../components/ui/toast-provider.js';
import { NotFoundPage } from '../errors/not-found-page.js';
import { ProductMainFields, ProductUnitPriceFields } from './form/product-fields.js';
import { EMPTY_PRODUCT_FORM, productInputOf, toFormValues, type ProductFormValues } from './form/product-form-values.js';
import { saveProduct } from './form/save-product.js';
import { VariantsEditor } from './form/variants-editor.js';
import { ProductImageCard } from './form/product-image-card.js';
import { useProductsT } from './i18n.js';
import { useProductHistoryFormat } from './form/history-format.js';
import { fetchProduct, productKeys, productsApi, useProduct, type ProductDetail } from './products-api.js';

/** The shared contract checks the form before it is sent (same messages as the server). */
function clientErrors(values: ProductFormValues): FieldErrors {
  const parsed = productCreate.safeParse(productInputOf(values));
  const out: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>{title}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** /products/new and /products/:id */
export function ProductFormPage() {
  const { id } = useParams();
  const isNew = !id;
  const t = useT();
  const P = useProductsT();
  const { dir } = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canSave = useCan(isNew ? PERMISSIONS.productsCreate : PERMISSIONS.productsEdit);
  const canDelete = useCan(PERMISSIONS.productsDelete);
  const product = useProduct(id);
  const form = useFormState<ProductFormValues>(EMPTY_PRODUCT_FORM);
  const historyValue = useProductHistoryFormat();
  const server = useRef<ProductDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const pendingImage = useRef<File | null>(null);

  const { reset } = form;
  useEffect(() => {
    if (product.data && (server.current?.id !== product.data.id || server.current.version !== product.data.version)) {
      server.current = product.data;
      reset(toFormValues(product.data));
    }
  }, [product.data, reset]);

  if (!isNew && product.isPending) return <PageLoader />;
  if (!isNew && product.isError) {
    if (isApiError(product.error) && product.error.status === 404) return <NotFoundPage />;
    return <Alert severity="error">{errorText(product.error, t)}</Alert>;
  }

  const showError = (err: unknown) => {
    if (isApiError(err) && err.code === 'conflict') return setConflict(true);
    const onFields = form.applyServerErrors(err);
    const message = errorText(err, t);
    setGeneral(onFields && isApiError(err) && err.code === 'validation' ? P.fixErrors : message);
    toast.error(message);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSave || busy) return;
    setGeneral(null);
    const local = clientErrors(form.values);
    if (Object.keys(local).length) {
      form.setErrors(local);
      setGeneral(P.fixErrors);
      return;
    }
    setBusy(true);
    try {
      const result = await saveProduct(form.values, server.current);
      void queryClient.invalidateQueries({ queryKey: ['table', 'products'] });
      if (result.id) {
        const fresh = await queryClient.fetchQuery({ queryKey: productKeys.one(result.id), queryFn: () => fetchProduct(result.id), staleTime: 0 }).catch(() => null);
        void queryClient.invalidateQueries({ queryKey: ['audit-log', 'product', result.id] });
        // The same page instance stays mounted from /products/new to /products/:id: load what the server kept.
        if (fresh && !result.error) {
          server.current = fresh;
          reset(toFormValues(fresh));
        }
      }
      if (result.error) {
        if (isNew && result.id) navigate(`/products/${result.id}`, { replace: true });
        showError(result.error);
        return;
      }
      toast.success(isNew ? P.created : t.common.saved);
      if (isNew && pendingImage.current) await uploadPendingImage(result.id, pendingImage.current);
      if (isNew) navigate(`/products/${result.id}`, { replace: true });
    } finally {
      setBusy(false);
    }
  }

  /** The image chosen before the first save goes up once the product exists. */
  async function uploadPendingImage(productId: string, file: File) {
    pendingImage.current = null;
    try {
      queryClient.setQueryData(productKeys.one(productId), await productsApi.setImage(productId, file));
    } catch (err) {
      toast.error(`${P.image.pendingFailed} ${errorText(err, t)}`);
    }
  }

  const remove = async () => {
    if (!id || !server.current) return;
    const ok = await confirm({ title: t.common.delete, message: P.deleteConfirm(server.current.name), confirmText: t.common.delete, destructive: true });
    if (!ok) return;
    try {
      await productsApi.remove(id);
      void queryClient.invalidateQueries({ queryKey: ['table', 'products'] });
      toast.success(P.deleted);
      navigate('/products');
    } catch (err) {
      toast.error(errorText(err, t));
    }
  };

  const disabled = !canSave;
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader
        title={isNew ? P.createTitle : product.data?.name || P.editTitle}
        subtitle={!isNew && P.editTitle}
        back={<IconButton component={RouterLink} to="/products" aria-label={t.common.back}><BackIcon /></IconButton>}
        actions={
          <>
            {!isNew && canDelete && <Button color="error" startIcon={<DeleteOutline />} onClick={() => void remove()} disabled={busy}>{t.common.delete}</Button>}
            <Button component={RouterLink} to="/products" disabled={busy}>{t.common.cancel}</Button>
            {canSave && <Button type="submit" variant="contained" disabled={busy}>{t.common.save}</Button>}
          </>
        }
      />
      {conflict && (
        <Alert severity="warning" sx={{ mb: 2 }} action={<Button color="inherit" size="small" onClick={() => { setConflict(false); server.current = null; void product.refetch(); }}>{P.reload}</Button>}>
          {P.conflict}
        </Alert>
      )}
      {general && <Alert severity="error" sx={{ mb: 2 }}>{general}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <Section title={P.sectionMain}><ProductMainFields form={form} disabled={disabled} /></Section>
            <Section title={P.sectionUnits}><ProductUnitPriceFields form={form} disabled={disabled} /></Section>
            <Section title={P.sectionVariants}><VariantsEditor form={form} disabled={disabled} /></Section>
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <ProductImageCard product={isNew ? undefined : product.data} disabled={disabled} onPending={(file) => { pendingImage.current = file; }} />
            {!isNew && id && <RecordHistory entity="product" entityId={id} fieldLabels={P.fields} formatValue={historyValue} />}
          </Stack>
        </Grid>
      </Grid>
    </Box>
  );
}
