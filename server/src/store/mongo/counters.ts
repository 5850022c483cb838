/** MongoDB repository of named counters (incident codes): one atomic upsert-and-increment. */
import type { ClientSession } from 'mongoose';
import type { CounterRepository } from '../port.js';
import type { Models } from './models.js';

export function mongoCounters(models: Models, session: ClientSession | undefined): CounterRepository {
  return {
    async next(name) {
      const counter = await models.Counter.findOneAndUpdate(
        { _id: name },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after', session },
      ).lean<{ seq: number }>();
      return counter.seq;
    },
  };
}
