import SearchIcon from '@mui/icons-material/Search';
import ViewColumnOutlined from '@mui/icons-material/ViewColumnOutlined';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ColumnsPanelTrigger, Toolbar } from '@mui/x-data-grid';
import { createContext, useContext, type ReactNode } from 'react';
import type { Query } from '../../../app/api-client.js';
import { useFormat } from '../../../app/format.js';
import { useT } from '../../../app/i18n/locale-provider.js';
import { ExportMenu } from './export-menu.js';

export type ToolbarState = {
  search: string;
  onSearch: (q: string) => void;
  searchLabel?: string | undefined;
  filters?: ReactNode;
  actions?: ReactNode;
  selectionCount: number;
  selectedIds: readonly string[];
  selectionActions?: ReactNode;
  exportUrl?: string | undefined;
  exportQuery: Query;
};

// The grid renders the toolbar slot itself; its props travel through context (typed, no module augmentation).
export const ToolbarContext = createContext<ToolbarState | null>(null);

export function DataTableToolbar() {
  const state = useContext(ToolbarContext);
  const t = useT();
  const f = useFormat();
  if (!state) return null;
  return (
    <Toolbar style={{ flexWrap: 'wrap', gap: 8, minHeight: 56, paddingBlock: 8 }}>
      <TextField
        value={state.search}
        onChange={(e) => state.onSearch(e.target.value)}
        placeholder={state.searchLabel ?? t.table.quickSearch}
        slotProps={{
          htmlInput: { 'aria-label': state.searchLabel ?? t.table.quickSearch, type: 'search' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
        sx={{ width: 260, maxWidth: '100%' }}
        fullWidth={false}
      />
      {state.filters}
      <Box sx={{ flex: 1 }} />
      {state.selectionCount > 0 && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t.table.selected(f.number(state.selectionCount))}
          </Typography>
          {state.selectionActions}
        </Box>
      )}
      {state.actions}
      <ColumnsPanelTrigger size="small" startIcon={<ViewColumnOutlined />}>
        {t.table.columns}
      </ColumnsPanelTrigger>
      {state.exportUrl && <ExportMenu url={state.exportUrl} query={state.exportQuery} selectedIds={state.selectedIds} />}
    </Toolbar>
  );
}
