/**
 * Follow-up work of committed events (SLA timers, notifications), done a group at a time.
 *
 * Followers used to run one transaction per event, one after another: at a burst of reports
 * each of those transactions waited for its own group commit, so the follow-up fell further
 * behind with every report (a backlog of thousands of transactions after a minute of
 * ingest) and kept the hub busy long after the burst. Here, what arrived while the previous
 * group ran is handled next as ONE group (one transaction), still in commit order and one
 * group at a time. A group that fails is retried item by item, so one bad item costs only
 * its own work, as before.
 */
export class GroupedDrain<T> {
  private readonly pending: T[] = [];
  private running = false;

  constructor(
    /** Handles a group (one transaction); should throw to have the group retried item by item. */
    private readonly handleGroup: (items: T[]) => Promise<void>,
    private readonly onItemError: (error: unknown, item: T) => void,
    /** Keeps one group's transaction short: it holds the one writer while it runs. */
    private readonly maxGroup = 64,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, this.maxGroup);
        try {
          await this.handleGroup(group);
        } catch {
          for (const item of group) {
            try {
              await this.handleGroup([item]);
            } catch (error) {
              this.onItemError(error, item);
            }
          }
        }
      }
    } finally {
      // Set in the same turn the loop saw no more items: a push after this starts a new drain.
      this.running = false;
    }
  }
}
