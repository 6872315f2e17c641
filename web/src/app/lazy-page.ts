import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** React.lazy for named exports: `lazyPage(() => import('./x.js'), 'XPage')`. Each page is its own chunk. */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const mod = await load();
    return { default: mod[name] as ComponentType };
  });
}
