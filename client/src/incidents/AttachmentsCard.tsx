import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AttachmentView, type IncidentAbility, type IncidentView } from '@cert-hub/shared';
import { apiUpload, downloadFile } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';

/** Evidence files: upload (when allowed) and download. */
export function AttachmentsCard({
  incident,
  attachments,
  onUploaded,
}: {
  incident: IncidentView;
  attachments: AttachmentView[];
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const id = incident.id;
  const can = (ability: IncidentAbility) => incident.abilities.includes(ability);
  return (
    <Card
      title={t('incidents.attachments')}
      extra={
        can('attach') && (
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              apiUpload(`/incidents/${id}/attachments`, file as File)
                .then((r) => {
                  onSuccess?.(r);
                  onUploaded();
                })
                .catch((e: unknown) => {
                  onError?.(e as Error);
                  showError(e);
                });
            }}
          >
            <Button icon={<UploadOutlined />}>{t('incidents.upload')}</Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        dataSource={attachments}
        className="incident-attachments"
        locale={{ emptyText: t('common.none') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => void downloadFile(`/incidents/${id}/attachments/${a.id}`, a.fileName).catch(showError)}
              >
                {t('incidents.download')}
              </Button>,
            ]}
          >
            <span data-testid="attachment">{a.fileName}</span>
            <Typography.Text type="secondary" className="attachment-meta">
              {' '}
              · {Math.ceil(a.size / 1024)} KB · {formatDateTime(a.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
