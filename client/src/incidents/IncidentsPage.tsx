import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, STATUS_LABELS, type IncidentView } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime } from '../lib/format.js';
import { useLabel } from '../lib/labels.js';
import { useUrlParams } from '../lib/useUrlParams.js';
import { LoadMore, SearchInput } from '../lib/ListControls.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useDebounced, useDirectory } from '../lib/useDirectory.js';
import { ExportIncidentsButton } from '../reports/ExportIncidentsButton.js';
import { IncidentFlags, SeverityTag, StatusTag, useCategoryLabel } from './labels.js';

/** Incidents the user may see, newest first; filters live in the URL. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const categoryLabel = useCategoryLabel();
  const user = useUser();
  const directory = useDirectory();
  const navigate = useNavigate();
  const { get: param, set: setParam } = useUrlParams();
  const [search, setSearch] = useState(param('q') ?? '');
  const q = useDebounced(search);
  const filters = {
    q,
    status: param('status'),
    category: param('category'),
    serious: param('serious'),
    // Drill-down from the dashboard: its period, agency, severity, real incidents only.
    from: param('from'),
    to: param('to'),
    agencyId: param('agencyId'),
    severity: param('severity'),
    open: param('open'),
    drill: param('drill'),
  };
  const list = useCursorList<IncidentView>('/incidents', filters);
  const canReport = user.role !== 'leader';

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{user.role === 'focal_point' ? t('incidents.mine') : t('incidents.title')}</Typography.Title>
        <Space wrap>
          <ExportIncidentsButton filters={filters} />
          {canReport && (
            <Link to="/incidents/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('incidents.report')}
              </Button>
            </Link>
          )}
        </Space>
      </div>
      <div className="toolbar">
        <SearchInput
          width={320}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setParam('q', value || undefined);
          }}
        />
        <Select
          allowClear
          placeholder={t('incidents.status')}
          style={{ width: 220 }}
          value={filters.status}
          onChange={(v: string | undefined) => setParam('status', v)}
          options={INCIDENT_STATUSES.map((s) => ({ value: s, label: label(STATUS_LABELS[s]) }))}
        />
        <Select
          allowClear
          placeholder={t('incidents.category')}
          style={{ width: 280 }}
          value={filters.category}
          onChange={(v: string | undefined) => setParam('category', v)}
          options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
        />
        <Space>
          <Switch checked={filters.serious === 'true'} onChange={(v) => setParam('serious', v ? 'true' : undefined)} />
          {t('incidents.serious')}
        </Space>
      </div>
      <Table<IncidentView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: t('incidents.none') }}
        onRow={(i) => ({ onClick: () => navigate(`/incidents/${i.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('incidents.code'),
            dataIndex: 'code',
            render: (v: string) => (
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t('incidents.heading'),
            dataIndex: 'title',
            render: (v: string, i) => (
              <Space direction="vertical" size={2}>
                <Link to={`/incidents/${i.id}`}>{v}</Link>
                <Space size={2} wrap>
                  <IncidentFlags serious={i.serious} lateReport={i.lateReport} drill={i.drill} />
                </Space>
              </Space>
            ),
          },
          ...(user.role === 'focal_point'
            ? []
            : [{ title: t('incidents.agency'), dataIndex: 'agencyId', render: (id: string) => directory.agencyName(id) }]),
          { title: t('incidents.category'), dataIndex: 'category', render: (c: string) => categoryLabel(c) },
          {
            title: t('incidents.status'),
            dataIndex: 'status',
            render: (s: string, i) => (
              <Space size={2}>
                <StatusTag status={s} />
                <SeverityTag severity={i.severity} />
              </Space>
            ),
          },
          { title: t('incidents.reportedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <LoadMore list={list} />
    </>
  );
}
