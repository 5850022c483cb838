import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/AuthContext.js';
import { AgencyDetail } from './AgencyDetail.js';

/** A focal point's own agency: contacts to keep current (R6) and its systems. */
export function MyAgencyPage() {
  const user = useUser();
  const { t } = useTranslation();
  if (!user.agencyId) return <Result status="warning" title={t('common.forbidden')} />;
  return <AgencyDetail agencyId={user.agencyId} />;
}
