import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES, type AgencyView } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { useUrlParams } from '../lib/useUrlParams.js';
import { LoadMore, SearchInput } from '../lib/ListControls.js';
import { useCursorList } from '../lib/useCursorList.js';
import { useDebounced } from '../lib/useDirectory.js';
import { AgencyDetail } from './AgencyDetail.js';
import { AgencyForm } from './AgencyForm.js';

export function AgenciesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  const { get: param, set: setParam } = useUrlParams();
  const [search, setSearch] = useState(param('q') ?? '');
  const q = useDebounced(search);
  const type = param('type');
  const includeMerged = param('includeMerged') === 'true';
  const list = useCursorList<AgencyView>('/agencies', { q, type, includeMerged: includeMerged || undefined });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('agencies.title')}</Typography.Title>
        {user.role === 'admin' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('common.create')}
          </Button>
        )}
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
          placeholder={t('common.type')}
          aria-label={t('common.type')}
          style={{ width: 260 }}
          value={type}
          onChange={(v: string | undefined) => setParam('type', v)}
          options={AGENCY_TYPES.map((v) => ({ value: v, label: label(AGENCY_TYPE_LABELS[v]) }))}
        />
        <Space>
          <Switch
            checked={includeMerged}
            onChange={(v) => setParam('includeMerged', v ? 'true' : undefined)}
            aria-label={t('agencies.includeMerged')}
          />
          {t('agencies.includeMerged')}
        </Space>
      </div>
      <Table<AgencyView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(a) => ({ onClick: () => setOpenId(a.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('common.name'),
            dataIndex: 'name',
            render: (v: string, a) => (
              <Space direction="vertical" size={0}>
                <Typography.Link>{v}</Typography.Link>
                {a.mergedIntoId && <Tag>{t('agencies.merged')}</Tag>}
              </Space>
            ),
          },
          { title: t('common.type'), dataIndex: 'type', render: (v: AgencyView['type']) => label(AGENCY_TYPE_LABELS[v]) },
          {
            title: t('agencies.focalPoints'),
            render: (_: unknown, a) => {
              const primary = a.focalPoints.find((f) => f.primary) ?? a.focalPoints[0];
              return primary ? `${primary.name} · ${primary.phone}` : <Tag color="red">{t('common.none')}</Tag>;
            },
          },
          { title: t('common.email'), dataIndex: 'email', render: (v: string | null) => v ?? '' },
        ]}
      />
      <LoadMore list={list} />
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size="large" width={900} destroyOnHidden title={t('common.details')}>
        {openId && <AgencyDetail agencyId={openId} onChanged={list.reload} />}
      </Drawer>
      <AgencyForm
        agency={null}
        open={creating}
        province={list.items[0]?.province}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          list.reload();
          setOpenId(a.id);
        }}
      />
    </>
  );
}
