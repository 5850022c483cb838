import { diacriticFilter } from '../lib/selectFilter.js';
import { EditOutlined, MergeCellsOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Modal, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_TYPE_LABELS, type AgencyView, type DomainEventView, type Page, type SystemView } from '@cert-hub/shared';
import { api, ApiError } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';
import { fetchAll } from '../lib/useCursorList.js';
import { AgencyForm } from './AgencyForm.js';
import { FocalPointsModal } from './FocalPointsModal.js';

interface Props {
  agencyId: string;
  onChanged?: () => void;
}

/** One agency: details, focal points (R6), its systems, and its history. */
export function AgencyDetail({ agencyId, onChanged }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const showError = useApiError();
  const [agency, setAgency] = useState<AgencyView | null>(null);
  const [systems, setSystems] = useState<SystemView[]>([]);
  const [history, setHistory] = useState<DomainEventView[] | null>(null);
  const [editing, setEditing] = useState<'details' | 'focal' | 'merge' | null>(null);
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);
  const [mergeOptions, setMergeOptions] = useState<AgencyView[]>([]);

  const load = useCallback(async () => {
    try {
      setAgency(await api<AgencyView>(`/agencies/${agencyId}`));
      setSystems((await api<Page<SystemView>>(`/systems?agencyId=${agencyId}&limit=100`)).items);
      setHistory((await api<{ items: DomainEventView[] }>(`/agencies/${agencyId}/history`)).items.reverse());
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setHistory(null);
      else showError(e);
    }
  }, [agencyId, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!agency) return <Spin />;

  const isAdmin = user.role === 'admin';
  const canEditFocal = isAdmin || user.role === 'coordinator' || (user.role === 'focal_point' && user.agencyId === agency.id);
  const saved = (next: AgencyView) => {
    setAgency(next);
    setEditing(null);
    void load();
    onChanged?.();
  };
  const merge = async () => {
    if (!mergeTarget) return;
    try {
      saved(
        await api<AgencyView>(`/agencies/${agency.id}/merge`, {
          method: 'POST',
          body: { intoAgencyId: mergeTarget, version: agency.version },
        }),
      );
    } catch (e) {
      showError(e);
    }
  };
  const missing247 = !agency.focalPoints.some((f) => f.available247);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {agency.mergedIntoId && <Alert type="warning" showIcon message={t('agencies.merged')} />}
      <Card
        title={agency.name}
        extra={
          isAdmin &&
          !agency.mergedIntoId && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing('details')}>
                {t('common.edit')}
              </Button>
              <Button
                icon={<MergeCellsOutlined />}
                onClick={() => {
                  setEditing('merge');
                  void fetchAll<AgencyView>('/agencies').then((all) => setMergeOptions(all.filter((a) => a.id !== agency.id)));
                }}
              >
                {t('agencies.merge')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('common.type')}>{label(AGENCY_TYPE_LABELS[agency.type])}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.shortName')}>{agency.shortName ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('agencies.province')}>{agency.province}</Descriptions.Item>
          <Descriptions.Item label={t('common.address')}>{agency.address ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('common.phone')}>{agency.phone ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('common.email')}>{agency.email ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('common.website')}>{agency.website ?? t('common.none')}</Descriptions.Item>
          {agency.formerNames.length > 0 && (
            <Descriptions.Item label={t('agencies.formerNames')}>{agency.formerNames.join('; ')}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title={
          <Space>
            <TeamOutlined />
            {t('agencies.focalPoints')}
          </Space>
        }
        extra={
          canEditFocal &&
          !agency.mergedIntoId && (
            <Button type="primary" onClick={() => setEditing('focal')}>
              {t('agencies.editFocal')}
            </Button>
          )
        }
      >
        {missing247 && (
          <Alert
            type="error"
            showIcon
            message={user.agencyId === agency.id ? t('home.focalMissing') : t('registryForms.agencyFocalMissing', { name: agency.name })}
            style={{ marginBottom: 12 }}
            data-testid="focal-missing"
          />
        )}
        <Table
          size="small"
          rowKey={(f) => `${f.name}-${f.phone}`}
          pagination={false}
          dataSource={agency.focalPoints}
          locale={{ emptyText: <Empty description={t('common.none')} /> }}
          columns={[
            {
              title: t('agencies.focalName'),
              dataIndex: 'name',
              render: (v: string, f) => (
                <Space>
                  {v}
                  {f.primary && <Tag color="red">{t('agencies.primary')}</Tag>}
                </Space>
              ),
            },
            { title: t('agencies.position'), dataIndex: 'position', render: (v: string | null) => v ?? t('common.none') },
            {
              title: t('common.phone'),
              dataIndex: 'phone',
              render: (v: string) => (
                <a href={`tel:${v.replace(/\s/g, '')}`}>
                  <PhoneOutlined /> {v}
                </a>
              ),
            },
            { title: t('common.email'), dataIndex: 'email' },
            {
              title: t('agencies.available247'),
              dataIndex: 'available247',
              render: (v: boolean) => (v ? <Tag color="green">24/7</Tag> : t('common.no')),
            },
          ]}
        />
      </Card>

      <Card title={t('agencies.systems')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={systems}
          columns={[
            { title: t('common.name'), dataIndex: 'name' },
            {
              title: t('systems.level'),
              dataIndex: 'level',
              render: (v: number) => <Tag color={v >= 4 ? 'red' : v === 3 ? 'orange' : 'blue'}>{t('systems.levelN', { level: v })}</Tag>,
            },
            {
              title: t('systems.critical'),
              dataIndex: 'nationalCritical',
              render: (v: boolean) => (v ? <Tag color="magenta">{t('systems.critical')}</Tag> : ''),
            },
          ]}
        />
      </Card>

      {history && (
        <Card title={t('common.history')}>
          <Timeline
            items={history.map((e) => ({
              key: e.seq,
              children: (
                <div>
                  <Typography.Text strong>{t(`history.${e.type}`, { defaultValue: e.type })}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDateTime(e.at)} · {t('history.by', { user: e.actor?.displayName || t('history.system') })}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        </Card>
      )}

      <AgencyForm agency={agency} open={editing === 'details'} onClose={() => setEditing(null)} onSaved={saved} />
      <FocalPointsModal agency={agency} open={editing === 'focal'} onClose={() => setEditing(null)} onSaved={saved} />
      <Modal
        title={`${t('agencies.merge')}: ${agency.name}`}
        open={editing === 'merge'}
        onCancel={() => setEditing(null)}
        onOk={() => void merge()}
        okButtonProps={{ disabled: !mergeTarget, danger: true }}
        okText={t('agencies.merge')}
        cancelText={t('common.cancel')}
      >
        <Alert type="warning" showIcon message={t('agencies.mergeHint')} style={{ marginBottom: 12 }} />
        <Select
          showSearch
          style={{ width: '100%' }}
          placeholder={t('agencies.mergeInto')}
          aria-label={t('agencies.mergeInto')}
          filterOption={diacriticFilter}
          value={mergeTarget}
          onChange={setMergeTarget}
          options={mergeOptions.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Modal>
    </Space>
  );
}
