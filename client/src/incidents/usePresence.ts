import { useEffect, useRef, useState } from 'react';
import { SOCKET_EVENTS, type PresenceMessage, type TypingMessage } from '@cert-hub/shared';
import { useLive } from '../realtime/LiveProvider.js';

/**
 * Who else has this incident open, and who is typing — through the incident's socket
 * room, which the hub lets us join only if we may see the incident. Re-joins after a
 * reconnect.
 */
export function usePresence(incidentId: string, selfId: string) {
  const live = useLive();
  const [viewers, setViewers] = useState<{ id: string; name: string }[]>([]);
  const [typing, setTyping] = useState<Map<string, string>>(new Map());
  const lastTyping = useRef(0);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!live) return;
    const socket = live.socket;
    const join = () => void socket.emit(SOCKET_EVENTS.incidentJoin, { incidentId });
    const onPresence = (p: PresenceMessage) => p.incidentId === incidentId && setViewers(p.users.filter((u) => u.id !== selfId));
    const onTyping = (m: TypingMessage) => {
      if (m.incidentId !== incidentId) return;
      setTyping((current) => {
        const next = new Map(current);
        if (m.typing) next.set(m.user.id, m.user.name);
        else next.delete(m.user.id);
        return next;
      });
    };
    if (socket.connected) join();
    socket.on('connect', join);
    socket.on(SOCKET_EVENTS.presence, onPresence);
    socket.on(SOCKET_EVENTS.typingUpdate, onTyping);
    return () => {
      socket.emit(SOCKET_EVENTS.incidentLeave, { incidentId });
      socket.off('connect', join);
      socket.off(SOCKET_EVENTS.presence, onPresence);
      socket.off(SOCKET_EVENTS.typingUpdate, onTyping);
    };
  }, [live, incidentId, selfId]);

  /** Call on every keystroke: sends "typing" at most every 2 s and "stopped" after 3 s idle. */
  const noteTyping = (visibility: 'agency' | 'internal') => {
    if (!live) return;
    const now = Date.now();
    if (now - lastTyping.current > 2000) {
      lastTyping.current = now;
      live.socket.emit(SOCKET_EVENTS.typing, { incidentId, typing: true, visibility });
    }
    if (stopTimer.current) clearTimeout(stopTimer.current);
    stopTimer.current = setTimeout(() => {
      lastTyping.current = 0;
      live.socket.emit(SOCKET_EVENTS.typing, { incidentId, typing: false, visibility });
    }, 3000);
  };

  return { viewers, typing: [...typing.values()], noteTyping };
}
