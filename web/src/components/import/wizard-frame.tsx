import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../../app/format.js';
import { useLocale, useT } from '../../app/i18n/locale-provider.js';
import { PageHeader } from '../ui/page-header.js';

type Props = { title: string; backTo: string; steps: readonly string[]; step: number; children: ReactNode };

/** An import wizard's page: title with a way back to the list, the numbered steps, the current step's card. */
export function WizardFrame({ title, backTo, steps, step, children }: Props) {
  const t = useT();
  const f = useFormat();
  const { dir } = useLocale();
  const BackIcon = dir === 'rtl' ? ArrowForward : ArrowBack;
  return (
    <>
      <PageHeader
        title={title}
        back={
          <IconButton component={RouterLink} to={backTo} aria-label={t.common.back}>
            <BackIcon />
          </IconButton>
        }
      />
      <Stepper activeStep={step} alternativeLabel sx={{ mb: 3 }}>
        {steps.map((label, i) => (
          <Step key={label} completed={i < step}>
            <StepLabel icon={f.digits(i + 1)}>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Card>
        <CardContent>{children}</CardContent>
      </Card>
    </>
  );
}
