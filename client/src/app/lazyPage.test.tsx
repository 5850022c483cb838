import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { lazyPage, PageSlot } from './lazyPage.js';

describe('lazy pages', () => {
  it('show a spinner in the page slot until the chunk arrives, then the page', async () => {
    let deliver: (module: { ReportPage: () => React.JSX.Element }) => void = () => {};
    const chunk = new Promise<{ ReportPage: () => React.JSX.Element }>((resolve) => (deliver = resolve));
    const ReportPage = lazyPage(() => chunk, 'ReportPage');
    const { container } = render(
      <PageSlot>
        <ReportPage />
      </PageSlot>,
    );
    expect(container.querySelector('.page-loading')).not.toBeNull();
    expect(screen.queryByRole('heading')).toBeNull();
    await act(async () => {
      deliver({ ReportPage: () => <h1>Báo cáo sự cố</h1> });
      await chunk;
    });
    expect(screen.getByRole('heading').textContent).toBe('Báo cáo sự cố');
    expect(container.querySelector('.page-loading')).toBeNull();
  });
});
