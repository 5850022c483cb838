import { LiveProvider } from '../realtime/LiveProvider.js';
import { Shell } from './Shell.js';

/** The signed-in console: the live connection and the layout, in their own chunk. */
export function Workspace() {
  return (
    <LiveProvider>
      <Shell />
    </LiveProvider>
  );
}
