/**
 * The findings-scaling workload: one catalogue of `resources` entries that hold only a code and a name, as an
 * imported legacy catalogue does, so that each misses the same eight required fields (eight schema/required findings,
 * each with its insert fix). About 50 bytes a resource: a million make a 50 MB file.
 */

/** Required fields of a catalogue resource that such an entry lacks. */
export const MISSING_PER_RESOURCE = 8;

export function legacyCatalog(resources: number): string {
  const lines = ['apiVersion: govspec/v1', 'kind: Catalog', 'provider:', '  name: 南充市市场监督管理局', '  uscc: "115113010833722043"', 'resources:'];
  for (let i = 0; i < resources; i++) {
    const serial = String(i + 1);
    lines.push(`  - code: 1-02-${String(Math.floor(i / 10_000) + 1).padStart(3, '0')}-${serial.slice(-4).padStart(4, '0')}`, `    name: 遗留资源${serial}`);
  }
  return `${lines.join('\n')}\n`;
}
