/**
 * RPM package names as dnf and yum log them. dnf writes `name-[epoch:]version-release.arch`
 * ("openssl-libs-1:3.2.2-6.el9.x86_64"); yum 3 writes `[epoch:]name-version-release.arch`
 * ("1:openssl-1.0.2k-26.el7_9.x86_64"). The version is returned rpm-style: "1:3.2.2-6.el9".
 */
export interface RpmPackage {
  name: string;
  version: string;
  arch?: string;
}

/** Architectures rpm builds for: the last dot-part is only an arch when it is one of these. */
const ARCHES = new Set([
  'noarch', 'src', 'nosrc', 'x86_64', 'x86_64_v2', 'x86_64_v3', 'x86_64_v4', 'i386', 'i486', 'i586', 'i686', 'athlon', 'amd64', 'ia64',
  'aarch64', 'armv7hl', 'armv7hnl', 'armv7l', 'armv6hl', 'armhfp', 'ppc', 'ppc64', 'ppc64le', 'ppc64p7', 's390', 's390x', 'riscv64', 'loongarch64', 'mips64el',
]);

export function parseRpmPackage(text: string): RpmPackage | undefined {
  let rest = text.trim();
  if (rest === '' || /\s/.test(rest)) return undefined;
  const leadingEpoch = /^(\d+):(.+)$/.exec(rest);
  if (leadingEpoch) rest = leadingEpoch[2]!;
  const archMatch = /\.([A-Za-z0-9_]+)$/.exec(rest);
  const arch = archMatch && ARCHES.has(archMatch[1]!) ? archMatch[1] : undefined;
  if (arch) rest = rest.slice(0, -(arch.length + 1));
  const release = lastPart(rest);
  if (!release) return undefined;
  const version = lastPart(release.head);
  if (!version || !version.head || version.head.includes(':')) return undefined;
  const innerEpoch = /^(\d+):(.+)$/.exec(version.tail);
  const epoch = leadingEpoch?.[1] ?? innerEpoch?.[1];
  const bare = innerEpoch ? innerEpoch[2]! : version.tail;
  // Versions and releases carry a digit: without one, "nfs-utils-x" is a bare name, not name-version-release.
  if (![bare, release.tail].every((part) => /^[A-Za-z0-9._+~^]+$/.test(part) && /\d/.test(part))) return undefined;
  // Epoch 0 is the default and rpm leaves it out; keeping it would make one version look like two.
  const evr = epoch && epoch !== '0' ? `${epoch}:${bare}-${release.tail}` : `${bare}-${release.tail}`;
  return { name: version.head, version: evr, arch };
}

function lastPart(text: string): { head: string; tail: string } | undefined {
  const dash = text.lastIndexOf('-');
  if (dash <= 0 || dash === text.length - 1) return undefined;
  return { head: text.slice(0, dash), tail: text.slice(dash + 1) };
}

/** A bare package name, as old yum logs an erase ("Erased: httpd"). */
export const isRpmName = (text: string): boolean => /^[A-Za-z0-9_.+-]+$/.test(text) && /[A-Za-z]/.test(text);
