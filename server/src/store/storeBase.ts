import type { Repositories } from './port.js';

/** The Store's top-level repositories, delegated to one `repositories` object by both adapters. */
export abstract class StoreBase implements Repositories {
  abstract readonly repositories: Repositories;

  get agencies() {
    return this.repositories.agencies;
  }
  get sectors() {
    return this.repositories.sectors;
  }
  get systems() {
    return this.repositories.systems;
  }
  get teams() {
    return this.repositories.teams;
  }
  get users() {
    return this.repositories.users;
  }
  get sessions() {
    return this.repositories.sessions;
  }
  get events() {
    return this.repositories.events;
  }
  get incidents() {
    return this.repositories.incidents;
  }
  get incidentCounts() {
    return this.repositories.incidentCounts;
  }
  get counters() {
    return this.repositories.counters;
  }
  get idempotency() {
    return this.repositories.idempotency;
  }
  get attachments() {
    return this.repositories.attachments;
  }
  get apiKeys() {
    return this.repositories.apiKeys;
  }
  get comments() {
    return this.repositories.comments;
  }
  get playbooks() {
    return this.repositories.playbooks;
  }
  get drills() {
    return this.repositories.drills;
  }
  get routingRules() {
    return this.repositories.routingRules;
  }
  get upwardNotifications() {
    return this.repositories.upwardNotifications;
  }
  get onCall() {
    return this.repositories.onCall;
  }
  get stats() {
    return this.repositories.stats;
  }
  get reportRounds() {
    return this.repositories.reportRounds;
  }
  get reportSubmissions() {
    return this.repositories.reportSubmissions;
  }
  get reportAttachments() {
    return this.repositories.reportAttachments;
  }
  get reportTypes() {
    return this.repositories.reportTypes;
  }
  get assessments() {
    return this.repositories.assessments;
  }
  get audit() {
    return this.repositories.audit;
  }
  get notifications() {
    return this.repositories.notifications;
  }
  get notificationPreferences() {
    return this.repositories.notificationPreferences;
  }
  get webhooks() {
    return this.repositories.webhooks;
  }
  get deliveries() {
    return this.repositories.deliveries;
  }
  get slaPolicies() {
    return this.repositories.slaPolicies;
  }
  get slaTimers() {
    return this.repositories.slaTimers;
  }
}
