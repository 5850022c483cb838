import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './app/App.js';
import { AuthProvider } from './auth/AuthContext.js';
import './i18n/index.js';
import './styles.css';

/**
 * Theme tokens with WCAG AA contrast (≥ 4.5:1 on white and on the grey page): antd's
 * default secondary, placeholder and link colours are too light for low-vision users.
 */
const ACCESSIBLE_TOKENS = {
  colorPrimary: '#b71c1c',
  borderRadius: 6,
  fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  colorLink: '#0b57d0',
  colorTextSecondary: '#595959',
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6e6e6e',
  colorTextQuaternary: '#6e6e6e',
  colorTextDisabled: '#6e6e6e',
  // Danger buttons and error text on white: antd's #ff4d4f is 3.3:1, below WCAG AA's 4.5:1.
  colorError: '#c41d1d',
};

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={{ token: ACCESSIBLE_TOKENS }}>
      <AntApp>
        <AuthProvider>
          <App />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
