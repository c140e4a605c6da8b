import type { Driver } from 'neo4j-driver';
import type { FindingsService } from '../services/findingsService.js';

export interface ApiContext {
  findings: FindingsService;
  driver: Driver;
  database?: string;
  /** Who is calling, for audit entries: api:<key name>. */
  actor: string;
}
