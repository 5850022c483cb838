import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The diacritics-free search box every list has. */
export function SearchInput({ value, onChange, width = 320 }: { value: string; onChange: (value: string) => void; width?: number }) {
  const { t } = useTranslation();
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      placeholder={t('common.search')}
      aria-label={t('common.search')}
      style={{ width }}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** "Load more" under a cursor-paginated list, shown while there is a next page. */
export function LoadMore({ list }: { list: { hasMore: boolean; loading: boolean; loadMore: () => void } }) {
  const { t } = useTranslation();
  if (!list.hasMore) return null;
  return (
    <div className="load-more">
      <Button onClick={list.loadMore} loading={list.loading}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}
