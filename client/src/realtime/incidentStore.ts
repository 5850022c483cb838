import type { IncidentView } from '@cert-hub/shared';
import { api } from '../api/client.js';
import type { LiveConnection } from './LiveConnection.js';
import { isFullIncident, reconcileIncidents, toCard, type IncidentEntry } from './reconcile.js';

/** Reads one whole incident (the incident page's own read). */
export type ReadWholeIncident = (id: string) => Promise<IncidentView>;
const readWholeIncident: ReadWholeIncident = (id) => api<IncidentView>(`/incidents/${encodeURIComponent(id)}`);

/**
 * The console's one live copy of the incidents it knows, fed by the live connection (live
 * and caught-up events) and by what pages fetch or change. Every copy goes through
 * `reconcileIncidents`, so the board and the incident page never disagree on an incident.
 * Incidents are kept as cards, except those an open page watches, which are kept whole: when
 * a card newer than the whole copy arrives (the catch-up feed carries cards), the incident is
 * read again whole.
 */
export class IncidentStore {
  private incidents: ReadonlyMap<string, IncidentEntry> = new Map();
  private readonly listeners = new Set<() => void>();
  private readonly watched = new Map<string, number>();
  /** Whole reads on their way: the version each was asked for, and the newest a card announced since. */
  private readonly rereading = new Map<string, { asked: number; wanted: number }>();

  constructor(private readonly readWhole: ReadWholeIncident = readWholeIncident) {}

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
    const { incidents, reread } = reconcileIncidents(this.incidents, shaped, (id) => this.watched.has(id));
    if (incidents !== this.incidents) {
      this.incidents = incidents;
      this.listeners.forEach((l) => l());
    }
    reread.forEach((version, id) => this.reread(id, version));
  }

  /**
   * Reads a watched incident whole again (one read at a time per incident). A card newer than
   * the version asked for, arriving while the read is on its way, may be newer than its answer:
   * then it is read once more. A failed read is left to the page (its own read shows the error)
   * and to the next card.
   */
  private reread(id: string, version: number) {
    const pending = this.rereading.get(id);
    if (pending) {
      pending.wanted = Math.max(pending.wanted, version);
      return;
    }
    this.rereading.set(id, { asked: version, wanted: version });
    this.readWhole(id).then(
      (whole) => {
        const { asked, wanted } = this.rereading.get(id)!;
        this.rereading.delete(id);
        this.put(whole);
        if (wanted > asked && whole.version < wanted && this.watched.has(id)) this.reread(id, wanted);
      },
      () => this.rereading.delete(id),
    );
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
