/**
 * The incident list's total (from GET /incidents/count with the list's own filters) and a
 * compact density that fits about twice as many rows on a screen, remembered per browser.
 */
import { Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentCountView } from '@cert-hub/shared';
import { api, query } from '../api/client.js';
import './list.css';

type Filters = Record<string, string | undefined>;

export function IncidentTotal({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const [total, setTotal] = useState<number | null>(null);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let current = true;
    api<IncidentCountView>(`/incidents/count${query(JSON.parse(key) as Filters)}`).then(
      (r) => current && setTotal(r.total),
      () => current && setTotal(null),
    );
    return () => {
      current = false;
    };
  }, [key]);
  if (total === null) return null;
  return (
    <Typography.Text type="secondary" data-testid="incident-total" className="incident-total">
      {t('incidentList.total', { count: total })}
    </Typography.Text>
  );
}

export type Density = 'comfortable' | 'compact';
const DENSITY_KEY = 'certhub.incidentListDensity';

export function useDensity(): [Density, (next: Density) => void] {
  const [density, setDensityState] = useState<Density>(() => (localStorage.getItem(DENSITY_KEY) === 'compact' ? 'compact' : 'comfortable'));
  const setDensity = useCallback((next: Density) => {
    localStorage.setItem(DENSITY_KEY, next);
    setDensityState(next);
  }, []);
  return [density, setDensity];
}

export function DensitySwitch({ value, onChange }: { value: Density; onChange: (next: Density) => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Switch
        checked={value === 'compact'}
        onChange={(on) => onChange(on ? 'compact' : 'comfortable')}
        aria-label={t('incidentList.compact')}
        data-testid="density-switch"
      />
      {t('incidentList.compact')}
    </Space>
  );
}
