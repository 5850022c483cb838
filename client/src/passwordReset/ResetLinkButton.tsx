import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordResetLinkView, UserView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';

/** An administrator's button on a user row: issues a one-time reset link and shows it to copy. */
export function ResetLinkButton({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [link, setLink] = useState<PasswordResetLinkView | null>(null);
  const [busy, setBusy] = useState(false);
  const url = link ? `${window.location.origin}${link.path}` : '';

  const issue = async () => {
    setBusy(true);
    try {
      setLink(await api<PasswordResetLinkView>(`/users/${user.id}/password-reset-link`, { method: 'POST' }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('passwordReset.copied'));
    } catch {
      // No clipboard (plain HTTP inside a province network): the field is selected for Ctrl+C.
      document.querySelector<HTMLInputElement>('#password-reset-link')?.select();
    }
  };

  return (
    <>
      <Button
        size="small"
        loading={busy}
        onClick={() => void issue()}
        aria-label={t('passwordReset.issueLabel', { name: user.displayName })}
      >
        {t('passwordReset.issue')}
      </Button>
      <Modal
        title={t('passwordReset.linkTitle', { name: user.username })}
        open={link !== null}
        onCancel={() => setLink(null)}
        footer={<Button onClick={() => setLink(null)}>{t('passwordReset.close')}</Button>}
      >
        <Typography.Paragraph>
          {t('passwordReset.linkIntro', { name: user.displayName, expiresAt: link ? formatDateTime(link.expiresAt) : '' })}
        </Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="password-reset-link"
            readOnly
            value={url}
            aria-label={t('passwordReset.link')}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="password-reset-link"
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('passwordReset.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </>
  );
}
