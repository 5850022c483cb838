import {} from '@dnd-kit/core';
import { Segmented, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, SEVERITIES, SEVERITY_LABELS } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';
import { diacriticFilter } from '../lib/selectFilter.js';
import type { useDirectory } from '../lib/useDirectory.js';
import { type BoardFilters } from './cards.js';

/** The board's filters (kept in the URL): team, agency, severity, category, mine, serious, overdue, drill or real. */
export function BoardToolbar({
  filters,
  setParam,
  directory,
}: {
  filters: BoardFilters;
  setParam: (key: string, value: string | undefined) => void;
  /** The board's own lookups (one set of requests for the page, not one per component). */
  directory: Pick<ReturnType<typeof useDirectory>, 'teams' | 'agencies'>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  return (
    <div className="toolbar">
      <Select
        allowClear
        placeholder={t('board.team')}
        aria-label={t('board.team')}
        style={{ width: 220 }}
        value={filters.team}
        onChange={(v: string | undefined) => setParam('team', v)}
        options={directory.teams
          .filter((team) => user.role === 'leader' || user.role === 'admin' || user.teamIds.includes(team.id))
          .map((team) => ({ value: team.id, label: team.name }))}
      />
      <Select
        allowClear
        showSearch
        filterOption={diacriticFilter}
        placeholder={t('incidents.agency')}
        aria-label={t('incidents.agency')}
        style={{ width: 240 }}
        value={filters.agency}
        onChange={(v: string | undefined) => setParam('agency', v)}
        options={directory.agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      <Select
        allowClear
        placeholder={t('incidents.severity')}
        aria-label={t('incidents.severity')}
        style={{ width: 150 }}
        value={filters.severity}
        onChange={(v: string | undefined) => setParam('severity', v)}
        options={SEVERITIES.map((s) => ({ value: s, label: label(SEVERITY_LABELS[s]) }))}
      />
      <Select
        allowClear
        placeholder={t('incidents.category')}
        aria-label={t('incidents.category')}
        style={{ width: 220 }}
        value={filters.category}
        onChange={(v: string | undefined) => setParam('category', v)}
        options={INCIDENT_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
      />
      <Space>
        <Switch
          size="small"
          checked={filters.mine}
          onChange={(v) => setParam('mine', v ? 'true' : undefined)}
          aria-label={t('board.mine')}
        />
        {t('board.mine')}
      </Space>
      <Space>
        <Switch
          size="small"
          checked={filters.serious}
          onChange={(v) => setParam('serious', v ? 'true' : undefined)}
          aria-label={t('incidents.serious')}
        />
        {t('incidents.serious')}
      </Space>
      <Space>
        <Switch
          size="small"
          checked={filters.overdue}
          onChange={(v) => setParam('overdue', v ? 'true' : undefined)}
          aria-label={t('notify.board.overdue')}
          data-testid="overdue-filter"
        />
        {t('notify.board.overdue')}
      </Space>
      <Segmented
        size="small"
        value={filters.kind}
        onChange={(v) => setParam('kind', v === 'all' ? undefined : String(v))}
        options={[
          { value: 'all', label: t('board.all') },
          { value: 'real', label: t('board.real') },
          { value: 'drill', label: t('board.drill') },
        ]}
      />
    </div>
  );
}
