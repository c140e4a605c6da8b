import { cypherOfGeneration } from '../graph/cypher.js';

let current = 0;

/** The plan generation this process runs its detection queries in (see planRefresh.ts). */
export const currentPlanGeneration = (): number => current;

export function usePlanGeneration(generation: number): void {
  current = generation;
}

/** A detection query's text in a plan generation (the current one unless told). */
export const detectionCypher = (name: string, generation = current): string => cypherOfGeneration(name, generation);
