import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { buildUrl, type Query } from '../../../app/api-client.js';
import { useT } from '../../../app/i18n/locale-provider.js';

export type ExportFormat = 'xlsx' | 'csv';

/** Let the browser download it: streams straight to disk, session cookie included. */
export function downloadUrl(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * «خروجی» → XLSX / CSV of `<url>?format=…&<the table's current filters>`; with rows selected, also
 * just those rows (`ids=a,b,c`).
 */
export function ExportMenu({ url, query, selectedIds = [] }: { url: string; query: Query; selectedIds?: readonly string[] }) {
  const t = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (format: ExportFormat, onlySelected = false) => {
    setAnchor(null);
    downloadUrl(buildUrl(url, { format, ...query, ...(onlySelected ? { ids: selectedIds.join(',') } : {}) }));
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<FileDownloadOutlined />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={Boolean(anchor)}
      >
        {t.table.export}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('xlsx')}>{t.table.exportXlsx}</MenuItem>
        <MenuItem onClick={() => run('csv')}>{t.table.exportCsv}</MenuItem>
        {selectedIds.length > 0 && <MenuItem onClick={() => run('xlsx', true)}>{t.table.exportSelectedXlsx}</MenuItem>}
        {selectedIds.length > 0 && <MenuItem onClick={() => run('csv', true)}>{t.table.exportSelectedCsv}</MenuItem>}
      </Menu>
    </>
  );
}
