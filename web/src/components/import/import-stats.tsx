import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../app/format.js';

export type Stat = { key: string; label: string; value: number; color?: string };

/** A row of big numbers (rows read, created, rejected…). */
export function ImportStats({ stats, label }: { stats: Stat[]; label: string }) {
  const f = useFormat();
  return (
    <Box role="list" aria-label={label} sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5 }}>
      {stats.map((s) => (
        <Paper key={s.key} role="listitem" variant="outlined" sx={{ p: 1.5 }} data-stat={s.key} aria-label={`${s.label}: ${f.number(s.value)}`}>
          <Typography variant="caption" color="text.secondary" component="div">
            {s.label}
          </Typography>
          <Typography variant="h2" component="div" sx={{ color: s.color ?? 'text.primary' }}>
            {f.number(s.value)}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
