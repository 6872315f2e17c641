import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../../app/format.js';
import { useProductImportT } from './import-i18n.js';

/** Links to the confirmed receipts a product import made for its opening stock (one per warehouse). */
export function OpeningStockReceipts({ ids }: { ids: string[] }) {
  const f = useFormat();
  const I = useProductImportT();
  if (ids.length === 0) return null;
  return (
    <Box sx={{ mt: 2, display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{I.receipts}:</Typography>
      {ids.map((id, i) => (
        <Link key={id} component={RouterLink} to={`/stock-documents/${id}`}>{I.openReceipt(f.digits(i + 1))}</Link>
      ))}
    </Box>
  );
}
