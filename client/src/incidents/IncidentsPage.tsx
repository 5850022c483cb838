import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Grid, List, Select, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES, SEVERITY_LABELS, STATUS_LABELS, type IncidentView } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { formatDateTime, TIME_ZONE } from '../lib/format.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import { useLabel } from '../lib/labels.js';
import { useUrlParams } from '../lib/useUrlParams.js';
import { LoadMore, SearchInput } from '../lib/ListControls.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useDebounced, useDirectory } from '../lib/useDirectory.js';
import { ExportIncidentsButton } from '../reports/ExportIncidentsButton.js';
import { IncidentFlags, SeverityTag, StatusTag, useCategoryLabel } from './labels.js';
import { DensitySwitch, IncidentTotal, useDensity } from './ListExtras.js';

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
    // Drill-down from the dashboard (period, agency, severity, real incidents only) and the home pages' "see all" links.
    from: param('from'),
    to: param('to'),
    agencyId: param('agencyId'),
    severity: param('severity'),
    open: param('open'),
    drill: param('drill'),
    assigneeId: param('assigneeId'),
  };
  // Phones get one card per incident instead of a table wider than the screen.
  const phone = Grid.useBreakpoint().md === false;
  /** A day picked in the filter, as the start (or end) of that day in Hà Nội, for the API. */
  const dayBound = (value: dayjs.Dayjs | null, end: boolean) =>
    value ? dayjs.tz(value.format('YYYY-MM-DD'), TIME_ZONE)[end ? 'endOf' : 'startOf']('day').toISOString() : undefined;
  const list = useCursorList<IncidentView>('/incidents', filters);
  const canReport = user.role !== 'leader';
  const [density, setDensity] = useDensity();

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{user.role === 'focal_point' ? t('incidents.mine') : t('incidents.title')}</Typography.Title>
        <Space wrap>
          <IncidentTotal filters={filters} />
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
          aria-label={t('incidents.status')}
          style={{ width: 220 }}
          value={filters.status}
          onChange={(v: string | undefined) => setParam('status', v)}
          options={INCIDENT_STATUSES.map((s) => ({ value: s, label: label(STATUS_LABELS[s]) }))}
        />
        <Select
          allowClear
          placeholder={t('incidents.category')}
          aria-label={t('incidents.category')}
          style={{ width: 280 }}
          value={filters.category}
          onChange={(v: string | undefined) => setParam('category', v)}
          options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
        />
        {user.role !== 'focal_point' && (
          <Select
            allowClear
            showSearch
            filterOption={diacriticFilter}
            placeholder={t('incidents.agency')}
            aria-label={t('incidents.agency')}
            style={{ width: 280, maxWidth: '100%' }}
            value={filters.agencyId}
            onChange={(v: string | undefined) => setParam('agencyId', v)}
            options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <Select
          allowClear
          placeholder={t('incidents.severity')}
          aria-label={t('incidents.severity')}
          style={{ width: 160 }}
          value={filters.severity}
          onChange={(v: string | undefined) => setParam('severity', v)}
          options={SEVERITIES.map((s) => ({ value: s, label: label(SEVERITY_LABELS[s]) }))}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          aria-label={t('incidents.reportedAt')}
          placeholder={[t('incidents.reportedAt'), '']}
          value={[filters.from ? dayjs(filters.from).tz(TIME_ZONE) : null, filters.to ? dayjs(filters.to).tz(TIME_ZONE) : null]}
          onChange={(range) => {
            setParam('from', dayBound(range?.[0] ?? null, false));
            setParam('to', dayBound(range?.[1] ?? null, true));
          }}
        />
        <Space>
          <Switch
            checked={filters.serious === 'true'}
            onChange={(v) => setParam('serious', v ? 'true' : undefined)}
            aria-label={t('incidents.serious')}
          />
          {t('incidents.serious')}
        </Space>
        {!phone && <DensitySwitch value={density} onChange={setDensity} />}
      </div>
      {phone ? (
        <List<IncidentView>
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: t('incidents.none') }}
          renderItem={(i) => (
            <Card size="small" className="list-card" data-testid="incident-card">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space size={6} wrap>
                  <Typography.Text strong>{i.code}</Typography.Text>
                  <StatusTag status={i.status} />
                  <SeverityTag severity={i.severity} />
                </Space>
                <Link to={`/incidents/${i.id}`}>{i.title}</Link>
                <Typography.Text type="secondary">
                  {user.role === 'focal_point' ? '' : `${directory.agencyName(i.agencyId)} · `}
                  {categoryLabel(i.category)} · {formatDateTime(i.reportedAt)}
                </Typography.Text>
                <Space size={2} wrap>
                  <IncidentFlags serious={i.serious} lateReport={i.lateReport} drill={i.drill} />
                </Space>
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<IncidentView>
          rowKey="id"
          size={density === 'compact' ? 'small' : 'middle'}
          className={density === 'compact' ? 'incident-table compact' : 'incident-table'}
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          locale={{ emptyText: t('incidents.none') }}
          onRow={(i) => ({ onClick: () => void navigate(`/incidents/${i.id}`), style: { cursor: 'pointer' } })}
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
      )}
      <LoadMore list={list} />
    </>
  );
}
