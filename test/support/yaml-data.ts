import fc from 'fast-check';
import { parseYaml } from '../../server/src/engine/yaml/parse';

/** The precise reading of a text, as data, when it has no problem at all; undefined otherwise. */
export function preciseData(text: string): { index: number; value: unknown }[] | undefined {
  const parsed = parseYaml(text);
  if (parsed.documents.some((d) => d.problems.length > 0)) return undefined;
  return parsed.documents.map((d) => ({ index: d.index, value: d.value }));
}

/** A YAML node to be written out by a test: a scalar's source text, or a mapping or sequence (in flow style or not). */
export interface Tree { scalar?: string; map?: [string, Tree][]; seq?: Tree[]; flow?: boolean }

/** Trees of the given scalars and keys, a few entries wide and a few levels deep (keys unique as written). */
export function trees(scalar: fc.Arbitrary<string>, key: fc.Arbitrary<string>): fc.Arbitrary<Tree> {
  return fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar.map((s) => ({ scalar: s })),
      fc.record({ map: fc.uniqueArray(fc.tuple(key, tie('tree')), { selector: ([k]) => k, maxLength: 4 }), flow: fc.boolean() }),
      fc.record({ seq: fc.array(tie('tree'), { maxLength: 4 }), flow: fc.boolean() }),
    ),
  })).tree;
}
