import path from 'node:path';

/**
 * A file as the user is shown it: relative to where they stand when it is inside, absolute
 * when it is outside (`/media/usb/plan.md`, not `../../../media/usb/plan.md`).
 */
export function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return relative && !outside ? relative : file;
}
