import type { PubSub } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import type { FindingChangeTopics } from '../events/findingsBus.js';
import type { Logger } from '../log.js';
import type { DashboardService } from '../services/dashboardService.js';
import type { FindingsService } from '../services/findingsService.js';
import type { OperationsService } from '../services/operationsService.js';
import type { TelemetryMemo } from '../services/telemetryMemo.js';
import type { ApiLoaders } from './loaders.js';
import type { ApiCaller } from './roles.js';

export interface ApiContext {
  findings: FindingsService;
  driver: Driver;
  database?: string;
  /** The verified API key; src/api/roles.ts checks its role before any root field runs. */
  caller: ApiCaller;
  /** Who is calling, for audit entries: api:<key name>. */
  actor: string;
  dashboards: DashboardService;
  /** Queue depths and the workers' counters. */
  operations: OperationsService;
  /** Findings created or changed by any process, through Redis (src/events/). */
  findingChanges: PubSub<FindingChangeTopics>;
  /** The request's logger: every line carries its requestId. */
  log: Logger;
  /** Telemetry-only reads shared between requests for the telemetry TTL (src/services/telemetryMemo.ts). */
  telemetry: TelemetryMemo;
  /** Batch loaders for fields asked of every item of a page (src/api/loaders.ts). */
  loaders: ApiLoaders;
}
