/** A --from file that is not there is named for what it is: answers or a review, not the project. */
import { adopt, copyExample, examples, tempDir } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

test('init --from a missing answers file says the answers file was not found', async () => {
  const result = await adopt(['init', '--from', 'nothere.yaml', '--yes'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('There is no answers file at nothere.yaml. Name the file that holds your answers with --from.\n');
  const fr = await adopt(['init', '--from', 'nothere.yaml', '--yes', '--lang', 'fr'], { cwd: dir });
  expect(fr.stderr).toMatch(/^Aucun fichier de réponses à l’emplacement nothere\.yaml\./);
});

test('evaluate --from a missing review file says the review file was not found', async () => {
  await copyExample(examples.foodBank, dir);
  const result = await adopt(['evaluate', '--from', 'x', '--yes'], { cwd: dir });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('There is no review file at x. Name the file that holds the review with --from.\n');
  expect(result.stderr).not.toMatch(/project file|adopt init/);
});
