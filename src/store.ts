/** The one module that reads and writes project files: its parts are in store/. */
export { FORMAT_VERSION, SCHEMA_FILE, MODELINE, loadYaml, type PathSegment, type Located, type ProjectSource, type ParseResult } from './store/source.js';
export { readBytes, loadProject, parseProject, describeFound, positionOfPath } from './store/read.js';
export { writeProject, writeProjectData, writeNotes, withLineEndings, createProjectFile, writeFailureMessage, newProjectText, keepAside, timeStamp, type Written } from './store/write.js';
export { orderKey, setIn, workingCopy, applyChanges } from './store/edit.js';
export type { DataChange } from './store/sections.js';
