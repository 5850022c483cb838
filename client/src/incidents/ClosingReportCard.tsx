import { Alert, Button, Card, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IncidentAbility, type IncidentView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import { formatDateTime } from '../lib/format.js';
import { useApiError } from '../lib/useApiError.js';

/** The closing report and the agency's confirmation of it. */
export function ClosingReportCard({ incident, onConfirmed }: { incident: IncidentView; onConfirmed: (next: IncidentView) => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [confirming, setConfirming] = useState(false);
  const [confirmForm] = Form.useForm<{ note?: string }>();
  const can = (ability: IncidentAbility) => incident.abilities.includes(ability);
  const canConfirm = can('confirm_closure') && incident.status === 'closed' && incident.closingReport && !incident.closureConfirmation;
  if (!incident.closingReport) return null;

  const confirm = async (values: { note?: string }) => {
    try {
      onConfirmed(
        await api<IncidentView>(`/incidents/${incident.id}/closure-confirmation`, {
          method: 'POST',
          body: { version: incident.version, note: values.note || null },
        }),
      );
      setConfirming(false);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <>
      <Card title={t('incidents.closingReport')} data-testid="closing-report">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('incidents.rootCause')}>{incident.closingReport.rootCause}</Descriptions.Item>
          <Descriptions.Item label={t('incidents.actionsTaken')}>{incident.closingReport.actionsTaken}</Descriptions.Item>
          <Descriptions.Item label={t('incidents.damage')}>{incident.closingReport.damage}</Descriptions.Item>
          <Descriptions.Item label={t('incidents.recoveryTime')}>{incident.closingReport.recoveryTime}</Descriptions.Item>
          <Descriptions.Item label={t('incidents.recommendations')}>{incident.closingReport.recommendations}</Descriptions.Item>
        </Descriptions>
        {incident.closureConfirmation ? (
          <Alert
            type="success"
            showIcon
            message={t('incidents.confirmed', { at: formatDateTime(incident.closureConfirmation.at) })}
            description={incident.closureConfirmation.note}
          />
        ) : (
          canConfirm && (
            <Button type="primary" onClick={() => setConfirming(true)}>
              {t('incidents.confirmClosure')}
            </Button>
          )
        )}
      </Card>
      <Modal
        open={confirming}
        title={t('incidents.confirmClosure')}
        onCancel={() => setConfirming(false)}
        onOk={() => confirmForm.submit()}
        okText={t('incidents.confirmClosure')}
        cancelText={t('common.cancel')}
      >
        <Form form={confirmForm} layout="vertical" onFinish={(v) => void confirm(v)} name="confirmClosure">
          <Form.Item name="note" label={t('incidents.confirmNote')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
