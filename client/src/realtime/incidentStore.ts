import type { IncidentView } from '@cert-hub/shared';
import type { LiveConnection } from './LiveConnection.js';
import { isFullIncident, reconcileIncidents, toCard, type IncidentEntry } from './reconcile.js';

/**
 * The console's one live copy of the incidents it knows, fed by the live connection (live
 * and caught-up events) and by what pages fetch or change. Every copy goes through
 * `reconcileIncidents`, so the board and the incident page never disagree on an incident.
 * Incidents are kept as cards, except those an open page watches, which are kept whole.
 */
export class IncidentStore {
  private incidents: ReadonlyMap<string, IncidentEntry> = new Map();
  private readonly listeners = new Set<() => void>();
  private readonly watched = new Map<string, number>();

  /** The current map (a new object after every change; stable otherwise). */
  readonly snapshot = (): ReadonlyMap<string, IncidentEntry> => this.incidents;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(id: string): IncidentEntry | undefined {
    return this.incidents.get(id);
  }

  /** The whole incident, when a page watching it has it. */
  full(id: string): IncidentView | null {
    const entry = this.incidents.get(id);
    return entry && isFullIncident(entry) ? entry : null;
  }

  put(...entries: IncidentEntry[]) {
    const shaped = entries.map((e) => (this.watched.has(e.id) ? e : toCard(e)));
    const next = reconcileIncidents(this.incidents, shaped);
    if (next === this.incidents) return;
    this.incidents = next;
    this.listeners.forEach((l) => l());
  }

  /** Keeps this incident whole while a page shows it; returns the release. */
  watch(id: string): () => void {
    this.watched.set(id, (this.watched.get(id) ?? 0) + 1);
    return () => {
      const count = (this.watched.get(id) ?? 1) - 1;
      if (count > 0) this.watched.set(id, count);
      else this.watched.delete(id);
    };
  }

  /** Takes in the incident of every event the connection delivers; returns the unsubscribe. */
  follow(connection: LiveConnection): () => void {
    return connection.subscribe((m) => {
      if (m.incident) this.put(m.incident);
    });
  }
}
