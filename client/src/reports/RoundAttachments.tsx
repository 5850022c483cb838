/**
 * Files attached to an agency's answer in a round: its focal point uploads them until the
 * answer is submitted; the round's followers see every agency's files, a focal point its own.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUpload, downloadFile } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';

interface RoundAttachment {
  id: string;
  agencyId: string;
  fileName: string;
  size: number;
  createdAt: string;
}

export function RoundAttachments({
  roundId,
  canUpload,
  agencyNames,
}: {
  roundId: string;
  canUpload: boolean;
  /** Shown next to each file for those who see several agencies' files. */
  agencyNames: ReadonlyMap<string, string> | null;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [items, setItems] = useState<RoundAttachment[]>([]);

  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: RoundAttachment[] }>(`/reports/rounds/${roundId}/attachments`)).items);
    } catch (error) {
      showError(error);
    }
  }, [roundId, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card
      size="small"
      title={t('reports.attachments')}
      style={{ margin: '16px 0' }}
      extra={
        canUpload && (
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              apiUpload(`/reports/rounds/${roundId}/attachments`, file as File)
                .then((r) => {
                  onSuccess?.(r);
                  void load();
                })
                .catch((e: unknown) => {
                  onError?.(e as Error);
                  showError(e);
                });
            }}
          >
            <Button icon={<UploadOutlined />}>{t('reports.attach')}</Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('reports.noAttachments') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`${t('reports.download')} ${a.fileName}`}
                onClick={() => void downloadFile(`/reports/rounds/${roundId}/attachments/${a.id}`, a.fileName).catch(showError)}
              >
                {t('reports.download')}
              </Button>,
            ]}
          >
            <span data-testid="round-attachment" style={{ overflowWrap: 'anywhere' }}>
              {a.fileName}
            </span>
            <Typography.Text type="secondary">
              {' '}
              · {agencyNames ? `${agencyNames.get(a.agencyId) ?? ''} · ` : ''}
              {Math.ceil(a.size / 1024)} KB · {formatDateTime(a.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
