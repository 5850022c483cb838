import { Button, Card, Col, Input, Row, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaybookView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { useUser } from '../auth/AuthContext.js';
import { useCategoryLabel } from '../incidents/labels.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';

/** Response playbooks by category: the checklist each new incident starts with. Coordinators edit them. */
export function PlaybooksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const categoryLabel = useCategoryLabel();
  const showError = useApiError();
  const [playbooks, setPlaybooks] = useState<PlaybookView[]>([]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const canEdit = user.role === 'coordinator' || user.role === 'admin';

  const load = useCallback(
    () => void api<{ items: PlaybookView[] }>('/playbooks').then((r) => setPlaybooks(r.items), showError),
    [showError],
  );
  useEffect(load, [load]);

  const save = async (category: string) => {
    const tasks = (drafts[category] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      await api(`/playbooks/${category}`, { method: 'PUT', body: { tasks } });
      setDrafts((d) => {
        const { [category]: _, ...rest } = d;
        return rest;
      });
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Typography.Title level={3}>{t('playbooks.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('playbooks.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {playbooks.map((p) => (
          <Col key={p.category} xs={24} lg={12} xxl={8}>
            <Card
              size="small"
              title={categoryLabel(p.category)}
              extra={p.customised ? <Tag color="blue">{formatDateTime(p.updatedAt)}</Tag> : <Tag>{t('playbooks.default')}</Tag>}
            >
              {drafts[p.category] !== undefined ? (
                <>
                  <Input.TextArea
                    rows={8}
                    value={drafts[p.category]}
                    onChange={(e) => setDrafts((d) => ({ ...d, [p.category]: e.target.value }))}
                  />
                  <Button type="primary" style={{ marginTop: 8 }} onClick={() => void save(p.category)}>
                    {t('common.save')}
                  </Button>
                </>
              ) : (
                <>
                  <ol style={{ paddingLeft: 20, margin: 0 }}>
                    {p.tasks.map((task) => (
                      <li key={task}>{task}</li>
                    ))}
                  </ol>
                  {canEdit && (
                    <Button
                      size="small"
                      style={{ marginTop: 8 }}
                      onClick={() => setDrafts((d) => ({ ...d, [p.category]: p.tasks.join('\n') }))}
                    >
                      {t('common.edit')}
                    </Button>
                  )}
                </>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
