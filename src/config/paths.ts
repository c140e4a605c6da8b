import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

/** The package root, found by walking up from this file (works from src/ via tsx and from dist/). */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'cypher'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`provhunt: cannot find the project root above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const cypherDir = path.join(projectRoot, 'cypher');
export const schemaDir = path.join(projectRoot, 'schema');
