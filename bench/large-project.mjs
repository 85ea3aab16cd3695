// A large but valid project: every list of a real example, copied with fresh ids until the
// text reaches a size. Shared by the benchmarks.
import { readFileSync } from 'node:fs';
import YAML from 'yaml'; // resolved from the project's node_modules, as bench/ lives inside it


/** Where each list lives, and how copy k of an item is made so ids stay unique and references resolve. */
function scaledLists(k) {
  const id = (value) => `${value}-x${k}`;
  const fresh = (item) => ({ ...item, id: id(item.id) });
  const tagged = (field) => (item) => ({ ...item, [field]: `${item[field]} (${k})` });
  return [
    [['keyUsers'], fresh],
    [['needs', 'objectives'], fresh],
    [['needs', 'schedule', 'milestones'], fresh],
    [['needs', 'risks'], fresh],
    [['research', 'candidates'], fresh],
    // Each copy is a self-contained evaluation: its criteria serve its objectives, and its scores
    // are given by its key users to its candidates, so no reference dangles.
    [['poc', 'criteria'], (c) => ({ ...fresh(c), objective: id(c.objective) })],
    [['poc', 'scores'], (s) => ({ ...s, candidate: id(s.candidate), by: id(s.by), criterion: id(s.criterion) })],
    [['deployment', 'phases'], fresh],
    // These lists carry no ids; a tag only keeps the copies tellable apart.
    [['training', 'sessions'], tagged('topic')],
    [['practices', 'vision', 'inventory'], tagged('tool')],
    [['practices', 'decisions'], tagged('decision')],
    [['practices', 'communications'], tagged('message')],
  ];
}

/** The YAML text of a valid project of at least `targetBytes`, made from the example `file`. */
export function largeProject(file, targetBytes) {
  const base = YAML.parse(readFileSync(file, 'utf8'));
  const at = (object, keys) => keys.reduce((value, key) => value[key], object);
  const project = structuredClone(base);
  let copies = 0;
  const addCopy = () => {
    copies += 1;
    for (const [keys, copy] of scaledLists(copies)) at(project, keys).push(...at(base, keys).map(copy));
  };
  // Growth is linear, so one copy tells how many are needed; the loop only tops up rounding.
  const sizeOf = () => Buffer.byteLength(YAML.stringify(project));
  const size0 = sizeOf();
  addCopy();
  const perCopy = sizeOf() - size0;
  while (copies < Math.ceil((targetBytes - size0) / perCopy)) addCopy();
  let text = YAML.stringify(project);
  while (Buffer.byteLength(text) < targetBytes) addCopy(), (text = YAML.stringify(project));
  return { text, copies };
}
