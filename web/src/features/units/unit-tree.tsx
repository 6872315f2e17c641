import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import DriveFileMoveOutlined from '@mui/icons-material/DriveFileMoveOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ExpandMore from '@mui/icons-material/ExpandMore';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useFormat } from '../../app/format.js';
import { useT } from '../../app/i18n/locale-provider.js';
import type { UnitNode } from './units-api.js';

export type UnitAction = 'add' | 'edit' | 'move' | 'delete';

export type UnitPermissions = { create: boolean; edit: boolean; delete: boolean };
type TreeProps = { nodes: UnitNode[]; can: UnitPermissions; onAction: (action: UnitAction, node: UnitNode) => void };

function Action({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        {children}
      </IconButton>
    </Tooltip>
  );
}

function UnitRow({ node, can, onAction }: { node: UnitNode } & Omit<TreeProps, 'nodes'>) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(node.depth < 2);
  const hasChildren = node.children.length > 0;
  return (
    <Box component="li" role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-label={node.name} sx={{ listStyle: 'none' }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1,
          py: 0.5,
          pl: node.depth * 3,
          borderRadius: 1,
          '&:hover': { bgcolor: 'action.hover' },
          '&:hover .unit-actions, &:focus-within .unit-actions': { opacity: 1 },
        }}
      >
        <IconButton
          size="small"
          onClick={() => setOpen(!open)}
          disabled={!hasChildren}
          aria-label={node.name}
          sx={{ visibility: hasChildren ? 'visible' : 'hidden', transform: open ? 'none' : 'rotate(90deg)', transition: 'transform .15s' }}
        >
          <ExpandMore fontSize="small" />
        </IconButton>
        {node.kind === 'branch' ? <StorefrontOutlined color="primary" fontSize="small" /> : <AccountTreeOutlined color="action" fontSize="small" />}
        <Typography sx={{ fontWeight: node.depth === 0 ? 700 : 500 }}>{node.name}</Typography>
        <Chip size="small" variant="outlined" label={node.kind === 'branch' ? t.units.branch : t.units.department} />
        <Typography variant="body2" color="text.secondary">
          {t.units.staffCount(f.number(node.staffCount ?? 0))}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {(can.create || can.edit || can.delete) && (
          <Box className="unit-actions" sx={{ display: 'flex', opacity: { xs: 1, md: 0.35 }, transition: 'opacity .15s' }}>
            {can.create && (
              <Action label={`${t.units.addChild}: ${node.name}`} onClick={() => onAction('add', node)}>
                <AddOutlined fontSize="small" />
              </Action>
            )}
            {can.edit && (
              <Action label={`${t.units.rename}: ${node.name}`} onClick={() => onAction('edit', node)}>
                <EditOutlined fontSize="small" />
              </Action>
            )}
            {can.edit && (
              <Action label={`${t.units.move}: ${node.name}`} onClick={() => onAction('move', node)}>
                <DriveFileMoveOutlined fontSize="small" />
              </Action>
            )}
            {can.delete && (
              <Action label={`${t.common.delete}: ${node.name}`} onClick={() => onAction('delete', node)}>
                <DeleteOutline fontSize="small" />
              </Action>
            )}
          </Box>
        )}
      </Box>
      {hasChildren && open && (
        <Box component="ul" role="group" sx={{ m: 0, p: 0 }}>
          {node.children.map((c) => (
            <UnitRow key={c.id} node={c} can={can} onAction={onAction} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** The unit tree: expand/collapse, and per unit add child / rename / move / delete. */
export function UnitTree({ nodes, can, onAction, label }: TreeProps & { label: string }) {
  return (
    <Box component="ul" role="tree" aria-label={label} sx={{ m: 0, p: 0 }}>
      {nodes.map((n) => (
        <UnitRow key={n.id} node={n} can={can} onAction={onAction} />
      ))}
    </Box>
  );
}
