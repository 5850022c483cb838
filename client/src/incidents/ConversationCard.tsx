import { Alert, Button, Card, Empty, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommentView, type IncidentAbility, type IncidentView } from '@cert-hub/shared';
import { AuthorBadge } from '../access/AuthorBadge.js';
import { api } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';
import { Markdown } from './Markdown.js';
import { usePresence } from './usePresence.js';

type Presence = ReturnType<typeof usePresence>;

/** The conversation between the agency and the CERT (and the CERT's internal notes), with the reply box. */
export function ConversationCard({
  incident,
  comments,
  presence,
  onSent,
}: {
  incident: IncidentView;
  comments: CommentView[];
  presence: Presence;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [reply, setReply] = useState('');
  const [visibility, setVisibility] = useState<'agency' | 'internal'>('agency');
  const can = (ability: IncidentAbility) => incident.abilities.includes(ability);
  const isAgency = !can('see_internal');
  const canComment = can('comment_agency') || can('comment_internal');

  const sendComment = async () => {
    if (!reply.trim()) return;
    try {
      await api(`/incidents/${incident.id}/comments`, {
        method: 'POST',
        body: { body: reply, visibility: isAgency ? 'agency' : visibility },
      });
      setReply('');
      onSent();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Card title={isAgency ? t('incidents.conversation') : t('usability.conversationStaff')}>
      <List
        dataSource={comments}
        locale={{ emptyText: <Empty description={t('incidents.noComments')} /> }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span className="comment-author">{c.author.displayName}</span>
                  <AuthorBadge author={c.author} />
                  {c.visibility === 'internal' && <Tag style={{ whiteSpace: 'nowrap' }}>{t('incidents.internalNote')}</Tag>}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(c.createdAt)}
                  </Typography.Text>
                </Space>
              }
              description={
                <div data-testid="comment">
                  <Markdown text={c.body} />
                </div>
              }
            />
          </List.Item>
        )}
      />
      {isAgency && incident.status === 'closed' && (
        <Alert type="info" showIcon message={t('usability.closedNotice')} data-testid="closed-notice" />
      )}
      {canComment && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!isAgency && (
            <Radio.Group
              size="small"
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as 'agency' | 'internal')}
              options={[
                { value: 'agency', label: t('incidents.toAgency') },
                { value: 'internal', label: t('incidents.internalNote') },
              ]}
            />
          )}
          {presence.typing.length > 0 && (
            <Typography.Text type="secondary" data-testid="typing">
              {t('incidents.typing', { names: presence.typing.join(', ') })}
            </Typography.Text>
          )}
          <Input.TextArea
            rows={3}
            value={reply}
            onChange={(e) => {
              setReply(e.target.value);
              presence.noteTyping(isAgency ? 'agency' : visibility);
            }}
            aria-label={t('incidents.reply')}
            placeholder={t('incidents.reply')}
            maxLength={10_000}
          />
          <Button type="primary" onClick={() => void sendComment()} disabled={!reply.trim()}>
            {t('incidents.send')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
