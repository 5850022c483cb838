/** "Who is behind?": every compliance check for a year, each line linking to where it is fixed. */
import { Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { COMPLIANCE_RULES, type ComplianceLine, type ComplianceRule } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { TIME_ZONE } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';

const RULE_COLORS: Record<ComplianceRule, string> = { R1: 'orange', R3: 'purple', R4: 'blue', R5: 'gold', R6: 'red' };

export function CompliancePage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const thisYear = dayjs().tz(TIME_ZONE).year();
  const [year, setYear] = useState(thisYear);
  const [rule, setRule] = useState<ComplianceRule | undefined>();
  const [lines, setLines] = useState<ComplianceLine[] | null>(null);

  useEffect(() => {
    let current = true;
    setLines(null);
    api<{ items: ComplianceLine[] }>(`/compliance?year=${year}`).then(
      (r) => current && setLines(r.items),
      (e: unknown) => current && showError(e),
    );
    return () => {
      current = false;
    };
  }, [year, showError]);

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('compliance.title')}</Typography.Title>
        <Space wrap>
          <Select
            aria-label={t('compliance.rule')}
            allowClear
            placeholder={t('compliance.rule')}
            style={{ width: 260 }}
            value={rule}
            onChange={(v: ComplianceRule | undefined) => setRule(v)}
            options={COMPLIANCE_RULES.map((r) => ({ value: r, label: t(`compliance.rules.${r}`) }))}
          />
          <Select
            aria-label={t('compliance.year')}
            value={year}
            style={{ width: 110 }}
            onChange={(y: number) => setYear(y)}
            options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
          />
        </Space>
      </div>
      <Table
        rowKey={(l) => `${l.rule}:${l.check}:${l.agencyId}:${l.subjectId ?? ''}`}
        size="small"
        loading={lines === null}
        dataSource={(lines ?? []).filter((l) => !rule || l.rule === rule)}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: t('compliance.none') }}
        data-testid="compliance-table"
        columns={[
          {
            title: t('compliance.rule'),
            dataIndex: 'rule',
            render: (r: ComplianceRule) => <Tag color={RULE_COLORS[r]}>{t(`compliance.rules.${r}`)}</Tag>,
          },
          { title: t('compliance.agency'), dataIndex: 'agencyName' },
          { title: t('compliance.subject'), dataIndex: 'subjectName', render: (s: string | null) => s ?? '—' },
          {
            title: t('compliance.detail'),
            key: 'detail',
            render: (_: unknown, l: ComplianceLine) => t(`compliance.checks.${l.check}`, { ...l.params, defaultValue: l.detail }),
          },
          { title: t('compliance.fix'), dataIndex: 'fixPath', render: (path: string) => <Link to={path}>{t('compliance.open')}</Link> },
        ]}
      />
    </>
  );
}
