import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: ReactNode;
  open: boolean;
  busy?: boolean;
  onClose: () => void;
  onSave: () => void;
  children: ReactNode;
}

/** The registry's create/edit drawer: the form inside, Cancel and Save on top. */
export function FormDrawer({ title, open, busy = false, onClose, onSave, children }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={onSave}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
