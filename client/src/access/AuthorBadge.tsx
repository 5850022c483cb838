/**
 * An author's role and organisation as the hub knows them, shown beside the display name,
 * so a renamed account cannot pass itself off as the CERT.
 */
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, type AuthorView } from '@cert-hub/shared';
import { useLabel } from '../lib/labels.js';

export function AuthorBadge({ author }: { author: Pick<AuthorView, 'role' | 'organisation'> }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (!author.role) return null;
  const role = author.role === 'machine' ? t('access.machine') : label(ROLE_LABELS[author.role], author.role);
  return (
    <span data-testid="author-badge">
      <Tag>{role}</Tag>
      {author.organisation && (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
          {author.organisation}
        </Typography.Text>
      )}
    </span>
  );
}
