import fs from 'node:fs';
import path from 'node:path';

/**
 * Expands a quoted glob (`'logs/**\/*.json.gz'`, `'sysmon-?.jsonl'`) in-process, so patterns work
 * where the shell does not expand them (Windows shells, patterns too long for a command line).
 * `**` spans folders, `*` and `?` stay within one name, `[...]` is a character class.
 */
export function isGlob(input: string): boolean {
  return /[*?[]/.test(input);
}

export function expandGlob(pattern: string): string[] {
  const segments = pattern.split(/[\\/]/);
  const firstGlob = segments.findIndex(isGlob);
  const base = segments.slice(0, firstGlob).join(path.sep) || '.';
  const matcher = globRegex(segments.slice(firstGlob).join('/'));
  if (!fs.statSync(base, { throwIfNoEntry: false })?.isDirectory()) return [];
  return fs
    .readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((file) => matcher.test(path.relative(base, file).split(path.sep).join('/')))
    .sort();
}

function globRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` anything below.
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${out}$`);
}
