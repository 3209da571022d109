/**
 * The cell each imported (or exported) value sits in, by its data path. An import keeps one for every value until
 * the lint's findings are placed: millions at national scale. A Map of JSON paths to cell objects took some 160
 * bytes each (most of an import's memory); here a path is its shape (`resources.#.items.#.name`, a handful per kind)
 * and its list indices, and a cell its row, column and (file, sheet), all in one growing Int32Array: 28 bytes.
 */
import type { JsonPath, SheetCell } from '../engine';

type Path = readonly (string | number)[];

/** List indices a path may hold; deeper paths (none of the layouts has them) are kept aside as they are. */
const MAX_INDICES = 3;
const FIELDS = 3 + MAX_INDICES + 1; // shape, place, row, column, the indices, and how many there are

export class CellsByPath {
  /** Per shape, its keys in order, and whether each step is a list index. */
  private readonly shapes: string[][] = [];
  private readonly shapePositions: boolean[][] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly places: { file: string; sheet: string }[] = [];
  private readonly placeIds = new Map<string, number>();
  private table = new Int32Array(16 * FIELDS);
  private count = 0;
  private readonly deep: [JsonPath, SheetCell][] = [];

  /** A table that went through a structured clone (v8's serialiser: its fields, not its class) as a table again. */
  static revive(fields: CellsByPath): CellsByPath {
    return Object.setPrototypeOf(fields, CellsByPath.prototype) as CellsByPath;
  }

  set(path: Path, cell: SheetCell): void {
    const indices = path.filter((step): step is number => typeof step === 'number');
    if (indices.length > MAX_INDICES) {
      this.deep.push([[...path], cell]);
      return;
    }
    const shapeKey = path.map((step) => (typeof step === 'number' ? '#' : step)).join('\u0000');
    let shape = this.shapeIds.get(shapeKey);
    if (shape === undefined) {
      shape = this.shapes.push(path.filter((step): step is string => typeof step === 'string')) - 1;
      this.shapeIds.set(shapeKey, shape);
      this.shapePositions.push(path.map((step) => typeof step === 'number'));
    }
    const placeKey = `${cell.file}\u0000${cell.sheet}`;
    let place = this.placeIds.get(placeKey);
    if (place === undefined) {
      place = this.places.push({ file: cell.file, sheet: cell.sheet }) - 1;
      this.placeIds.set(placeKey, place);
    }
    if ((this.count + 1) * FIELDS > this.table.length) {
      const bigger = new Int32Array(this.table.length * 2);
      bigger.set(this.table);
      this.table = bigger;
    }
    const at = this.count++ * FIELDS;
    this.table[at] = shape;
    this.table[at + 1] = place;
    this.table[at + 2] = cell.row;
    this.table[at + 3] = cell.column;
    indices.forEach((index, i) => { this.table[at + 4 + i] = index; });
  }

  private pathAt(entry: number): JsonPath {
    const at = entry * FIELDS;
    const shape = this.table[at];
    const keys = this.shapes[shape];
    const path: (string | number)[] = [];
    let key = 0;
    let index = 0;
    for (const isIndex of this.shapePositions[shape]) path.push(isIndex ? this.table[at + 4 + index++] : keys[key++]);
    return path;
  }

  private cellAt(entry: number): SheetCell {
    const at = entry * FIELDS;
    const { file, sheet } = this.places[this.table[at + 1]];
    return { file, sheet, row: this.table[at + 2], column: this.table[at + 3] };
  }

  /** The cell of exactly `path`, the first one set. */
  get(path: Path): SheetCell | undefined {
    const wanted = JSON.stringify(path);
    for (let entry = 0; entry < this.count; entry++) if (JSON.stringify(this.pathAt(entry)) === wanted) return this.cellAt(entry);
    return this.deep.find(([p]) => JSON.stringify(p) === wanted)?.[1];
  }

  get size(): number {
    return this.count + this.deep.length;
  }

  *[Symbol.iterator](): IterableIterator<[JsonPath, SheetCell]> {
    for (let entry = 0; entry < this.count; entry++) yield [this.pathAt(entry), this.cellAt(entry)];
    yield* this.deep;
  }
}
