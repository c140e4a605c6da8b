import type { Driver } from 'neo4j-driver';
import type { FindingsService } from '../services/findingsService.js';
import type { ApiCaller } from './roles.js';

export interface ApiContext {
  findings: FindingsService;
  driver: Driver;
  database?: string;
  /** The verified API key; src/api/roles.ts checks its role before any root field runs. */
  caller: ApiCaller;
  /** Who is calling, for audit entries: api:<key name>. */
  actor: string;
}
