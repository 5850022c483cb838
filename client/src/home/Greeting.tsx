import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { useLabel } from '../lib/labels.js';

/** The home page's title: who is signed in and as what. */
export function Greeting() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useUser();
  return (
    <div className="page-header">
      <Typography.Title level={3}>{t('home.welcome', { name: user.displayName })}</Typography.Title>
      <Typography.Text type="secondary">{label(ROLE_LABELS[user.role])}</Typography.Text>
    </div>
  );
}
