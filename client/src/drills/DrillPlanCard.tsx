import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DRILL_TYPES, type DrillType, type DrillView, type SectorView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { FormDrawer } from '../lib/FormDrawer.js';
import { useLabel } from '../lib/labels.js';
import { useApiError } from '../lib/useApiError.js';

interface PlanItem {
  title: string;
  month: number;
  type: DrillType;
  sectorCodes: string[];
  drillId: string | null;
}
interface Plan {
  year: number;
  items: PlanItem[];
}

/** The annual drill plan (R4: at least one a year, critical sectors first): which drills, when, which sectors. */
/** The plan editor's fields: the year's items, each possibly not yet linked to a drill. */
type PlanFormValues = { items?: (Omit<PlanItem, 'drillId'> & { drillId?: string | null })[] };

export function DrillPlanCard({
  year,
  sectors,
  drills,
  canManage,
}: {
  year: number;
  sectors: SectorView[];
  drills: DrillView[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const showError = useApiError();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<PlanFormValues>();

  const load = useCallback(() => void api<Plan>(`/drills/plans/${year}`).then(setPlan, showError), [year, showError]);
  useEffect(load, [load]);

  const sectorName = (code: string) => {
    const sector = sectors.find((s) => s.code === code);
    return sector ? label({ vi: sector.nameVi, en: sector.nameEn }) : code;
  };

  const save = async () => {
    let values: PlanFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const items = (values.items ?? []).map((i) => ({ ...i, sectorCodes: i.sectorCodes ?? [], drillId: i.drillId ?? null }));
      setPlan(await api<Plan>(`/drills/plans/${year}`, { method: 'PUT', body: { items } }));
      setEditing(false);
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('drills.plan', { year })}
      style={{ marginBottom: 16 }}
      extra={
        canManage && (
          <Button
            icon={<EditOutlined />}
            onClick={() => {
              form.setFieldsValue({ items: plan?.items ?? [] });
              setEditing(true);
            }}
          >
            {t('drills.editPlan')}
          </Button>
        )
      }
    >
      <Table<PlanItem>
        rowKey={(i) => `${i.month}:${i.title}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={plan?.items ?? []}
        locale={{ emptyText: t('drills.none') }}
        columns={[
          { title: t('drills.month'), dataIndex: 'month', render: (m: number) => `${String(m).padStart(2, '0')}/${year}` },
          { title: t('drills.name'), dataIndex: 'title' },
          { title: t('drills.type'), dataIndex: 'type', render: (type: DrillType) => t(`drills.types.${type}`) },
          {
            title: t('drills.sectors'),
            dataIndex: 'sectorCodes',
            render: (codes: string[]) => codes.map((c) => <Tag key={c}>{sectorName(c)}</Tag>),
          },
          {
            title: t('drills.title'),
            dataIndex: 'drillId',
            render: (id: string | null) => {
              const drill = drills.find((d) => d.id === id);
              return drill ? <Link to={`/drills/${drill.id}`}>{drill.name}</Link> : '—';
            },
          },
        ]}
      />
      <FormDrawer
        title={t('drills.plan', { year })}
        open={editing}
        busy={busy}
        onClose={() => setEditing(false)}
        onSave={() => void save()}
      >
        <Form form={form} layout="vertical">
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <fieldset key={field.key} className="drill-inject" aria-label={`${t('drills.planItem')} ${index + 1}`}>
                    <legend>
                      {t('drills.planItem')} {index + 1}
                    </legend>
                    <Form.Item name={[field.name, 'title']} label={t('drills.name')} rules={[{ required: true, min: 2 }]}>
                      <Input />
                    </Form.Item>
                    <Space wrap align="start">
                      <Form.Item name={[field.name, 'month']} label={t('drills.month')} rules={[{ required: true }]}>
                        <InputNumber min={1} max={12} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'type']} label={t('drills.type')} rules={[{ required: true }]}>
                        <Select
                          style={{ minWidth: 160 }}
                          options={DRILL_TYPES.map((type) => ({ value: type, label: t(`drills.types.${type}`) }))}
                        />
                      </Form.Item>
                    </Space>
                    <Form.Item name={[field.name, 'sectorCodes']} label={t('drills.sectors')}>
                      <Select
                        mode="multiple"
                        options={sectors.map((s) => ({ value: s.code, label: label({ vi: s.nameVi, en: s.nameEn }) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'drillId']} label={t('drills.title')}>
                      <Select allowClear options={drills.filter((d) => d.source === 'hub').map((d) => ({ value: d.id, label: d.name }))} />
                    </Form.Item>
                    <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                      {t('drills.remove')}
                    </Button>
                  </fieldset>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ month: 6, type: 'tabletop', sectorCodes: [] })}>
                  {t('drills.addPlanItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormDrawer>
    </Card>
  );
}
