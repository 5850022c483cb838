import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditVerifyView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { LoadMore } from '../lib/ListControls.js';
import { useApiError } from '../lib/useApiError.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useUrlParams } from '../lib/useUrlParams.js';

/** The append-only audit log for administrators and leaders: search, and verify the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const params = useUrlParams();
  const filters = { type: params.get('type'), incidentId: params.get('incidentId'), from: params.get('from'), to: params.get('to') };
  const list = useCursorList<AuditEntryView>('/audit', filters);
  const [verdict, setVerdict] = useState<AuditVerifyView | null>(null);
  const [checking, setChecking] = useState(false);

  const verify = async () => {
    setChecking(true);
    try {
      setVerdict(await api<AuditVerifyView>('/audit/verify'));
    } catch (e) {
      showError(e);
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('notify.audit.title')}</Typography.Title>
        <Button icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()} data-testid="audit-verify">
          {t('notify.audit.verify')}
        </Button>
      </div>
      {verdict && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          data-testid="audit-verdict"
          message={
            verdict.ok
              ? t('notify.audit.ok', { checked: verdict.checked })
              : t('notify.audit.broken', { seq: verdict.firstBrokenSeq, checked: verdict.checked })
          }
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          aria-label={t('notify.audit.type')}
          placeholder={t('notify.audit.type')}
          defaultValue={filters.type}
          onBlur={(e) => params.set('type', e.target.value.trim() || undefined)}
          onPressEnter={(e) => params.set('type', e.currentTarget.value.trim() || undefined)}
          style={{ width: 220 }}
        />
        <Input
          allowClear
          aria-label={t('notify.audit.incidentId')}
          placeholder={t('notify.audit.incidentId')}
          defaultValue={filters.incidentId}
          onBlur={(e) => params.set('incidentId', e.target.value.trim() || undefined)}
          onPressEnter={(e) => params.set('incidentId', e.currentTarget.value.trim() || undefined)}
          style={{ width: 220 }}
        />
        <DatePicker
          aria-label={t('notify.audit.from')}
          placeholder={t('notify.audit.from')}
          format="DD/MM/YYYY"
          value={filters.from ? dayjs(filters.from) : null}
          onChange={(d) => params.set('from', d ? d.startOf('day').toISOString() : undefined)}
        />
        <DatePicker
          aria-label={t('notify.audit.to')}
          placeholder={t('notify.audit.to')}
          format="DD/MM/YYYY"
          value={filters.to ? dayjs(filters.to) : null}
          onChange={(d) => params.set('to', d ? d.endOf('day').toISOString() : undefined)}
        />
      </Space>
      <Table<AuditEntryView>
        rowKey="seq"
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="small"
        columns={[
          { title: t('notify.audit.seq'), dataIndex: 'seq' },
          { title: t('notify.audit.at'), dataIndex: 'at', render: formatDateTime },
          { title: t('notify.audit.type'), dataIndex: 'type', render: (v: string) => <code>{v}</code> },
          {
            title: t('notify.audit.entity'),
            // The record's id is a value, not words: shown short, as code, whole on hover.
            render: (_: unknown, e) => (
              <>
                {t(`codes.entities.${e.entity}`, { defaultValue: e.entity })} <code title={e.entityId}>{e.entityId.slice(0, 8)}</code>
              </>
            ),
          },
          { title: t('notify.audit.actor'), render: (_: unknown, e) => e.actor?.displayName || t('notify.audit.system') },
          { title: t('notify.audit.hash'), dataIndex: 'hash', render: (v: string) => <code title={v}>{v.slice(0, 12)}…</code> },
        ]}
        expandable={{ expandedRowRender: (e) => <pre className="audit-data">{JSON.stringify(e.data, null, 2)}</pre> }}
      />
      <LoadMore list={list} />
    </>
  );
}
