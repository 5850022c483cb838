import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import './print.css';

/** "In": the browser's print dialog; print.css leaves the incident, its timeline and closing report. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print" data-testid="print-incident">
      {t('incidentHelp.print')}
    </Button>
  );
}
