import { EventEmitter } from 'node:events';
import type { EventRecord } from '../store/port.js';

/**
 * In-process fan-out of committed domain events. Services publish only after their
 * transaction commits; the realtime dispatcher subscribes. Services never see sockets.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  publish(event: EventRecord): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: EventRecord) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
