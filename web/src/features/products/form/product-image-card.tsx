import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { ImageUploadField, type UploadResult } from '../../../components/ui/form/image-upload-field.js';
import { useToast } from '../../../components/ui/toast-provider.js';
import { useProductsT } from '../i18n.js';
import { productKeys, productsApi, type ProductDetail } from '../products-api.js';

type Props = {
  product: ProductDetail | undefined;
  disabled: boolean;
  /** A new product has no id yet: the chosen file is kept by the page and uploaded after the first save. */
  onPending: (file: File | null) => void;
};

/**
 * The product picture. A saved product's image is uploaded, replaced and removed at once (its own
 * endpoint, the form's version is untouched), so unsaved edits in the form stay as they are.
 */
export function ProductImageCard({ product, disabled, onPending }: Props) {
  const P = useProductsT();
  const toast = useToast();
  const queryClient = useQueryClient();

  const changed = (fresh: ProductDetail) => {
    queryClient.setQueryData(productKeys.one(fresh.id), fresh);
    void queryClient.invalidateQueries({ queryKey: ['audit-log', 'product', fresh.id] });
    void queryClient.invalidateQueries({ queryKey: ['table', 'products'] });
  };
  const remove = async () => {
    if (!product) return;
    changed(await productsApi.removeImage(product.id));
    toast.success(P.image.removed);
  };

  return (
    <Card component="section" aria-label={P.image.title}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 2 }}>{P.image.title}</Typography>
        <ImageUploadField
          label={P.image.hint}
          alt={product ? `${P.image.title}: ${product.name}` : P.image.title}
          fileId={product?.imageFileId}
          uploadUrl={product ? productsApi.imageUrl(product.id) : undefined}
          uploadMethod="PUT"
          uploadField="image"
          fileIdField="imageFileId"
          onUploaded={(_id, result: UploadResult) => changed(result as unknown as ProductDetail)}
          onFileSelected={onPending}
          onRemove={remove}
          disabled={disabled}
          size={{ width: 200, height: 200 }}
        />
      </CardContent>
    </Card>
  );
}
