/**
 * Which rooms have listeners, as this process's own socket.io adapter knows them (issue #11):
 * during an ingest wave with no console open, presenting and encoding every event for rooms
 * nobody is in was ~11% of the hub's CPU per report. A room listens while a socket is in it,
 * and while a dropped socket's session that held it may still be recovered: socket.io replays
 * to a recovered socket what was emitted to its rooms meanwhile, so those must be emitted.
 */
import type { Server } from 'socket.io';
import type { RoomsListened } from './feed.js';

/** The in-memory adapter's view (socket.io-adapter: `rooms`, and `sessions` with connection state recovery). */
interface LocalAdapter {
  rooms: Map<string, Set<string>>;
  sessions?: Map<string, { rooms: string[] }>;
}

/** Only for socket.io's in-memory adapter: with a cluster adapter, other processes' sockets are not in `rooms`. */
export function localRoomsListened(io: Server): RoomsListened {
  const adapter = () => io.of('/').adapter as unknown as LocalAdapter;
  const keptBySession = (room: string) => {
    const sessions = adapter().sessions;
    if (!sessions) return false;
    for (const session of sessions.values()) if (session.rooms.includes(room)) return true;
    return false;
  };
  return {
    // Every socket is in its own room, so an empty map means no socket is connected.
    any: () => adapter().rooms.size > 0 || (adapter().sessions?.size ?? 0) > 0,
    has: (room) => adapter().rooms.has(room) || keptBySession(room),
  };
}
