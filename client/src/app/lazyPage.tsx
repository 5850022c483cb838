import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A page loaded on first visit (its own chunk), so the sign-in page downloads only what it
 * needs. `name` is the page's named export.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return Object.assign(
    lazy(() => load().then((m) => ({ default: m[name] }))),
    /** Starts loading the chunk now (e.g. while the user types their password). */
    { preload: () => void load().catch(() => undefined) },
  );
}

/** Where a lazy page appears: the layout stays, a spinner fills the content while it loads. */
export function PageSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spin size="large" className="page-loading" />}>{children}</Suspense>;
}
