/**
 * Downloads the incident list with the filters on screen as XLSX. The hub streams the file;
 * the button shows how much has arrived, so a long export visibly progresses.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch, parseError, query, saveBlob } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';

export function ExportIncidentsButton({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [received, setReceived] = useState<number | null>(null);

  const run = async (): Promise<void> => {
    setReceived(0);
    try {
      const res = await authorizedFetch(`/incidents/export.xlsx${query(filters)}`);
      if (!res.ok) throw await parseError(res);
      if (!res.body) throw new Error(res.statusText);
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        total += value.length;
        setReceived(total);
      }
      saveBlob(new Blob(chunks as BlobPart[]), 'su-co.xlsx');
    } catch (error) {
      showError(error);
    } finally {
      setReceived(null);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={received !== null} onClick={() => void run()}>
      {received === null ? t('reports.exportXlsx') : t('reports.exportProgress', { kb: Math.round(received / 1024) })}
    </Button>
  );
}
