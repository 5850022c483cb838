/** The incident's official documents (Decree 30/2020 DOCX): the initial report and, once written, the closing report. */
import { FileWordOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '@cert-hub/shared';
import { downloadFile } from '../api/client.js';
import { useApiError } from '../lib/useApiError.js';

export function IncidentDocuments({ incident }: { incident: Pick<IncidentView, 'id' | 'code' | 'status'> }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const get = (name: string, file: string) =>
    void downloadFile(`/incidents/${incident.id}/documents/${name}.docx`, `${incident.code}-${file}.docx`).catch(showError);
  return (
    <Space wrap>
      <Button size="small" icon={<FileWordOutlined />} onClick={() => get('initial-report', 'bao-cao-ban-dau')}>
        {t('reports.initialDocx')}
      </Button>
      {incident.status === 'closed' && (
        <Button size="small" icon={<FileWordOutlined />} onClick={() => get('closing-report', 'bao-cao-ket-thuc')}>
          {t('reports.closingDocx')}
        </Button>
      )}
    </Space>
  );
}
