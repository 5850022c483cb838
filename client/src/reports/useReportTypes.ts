/** The configured report types (retired ones included: old rounds still name them). */
import { useCallback, useEffect, useState } from 'react';
import type { ReportTypeView } from '@cert-hub/shared';
import { api } from '../api/client.js';

export function useReportTypes() {
  const [types, setTypes] = useState<ReportTypeView[]>([]);
  const reload = useCallback(async () => {
    setTypes((await api<{ items: ReportTypeView[] }>('/reports/types')).items);
  }, []);
  useEffect(() => {
    void reload().catch(() => undefined);
  }, [reload]);
  return { types, reload };
}
