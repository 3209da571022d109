import { closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname } from 'node:path';
import { bilingual } from '../cli-error';
import type { Message } from '../../engine';
import { writeFileAtomic } from './atomic-write';
import { writeContent, type Content } from './pieces';

/** Why an output file cannot be written, in both languages; the caller makes it the one line of exit code 2. */
export class OutputError extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

/**
 * Writes a file the user named for output (`-o`), by what the path is:
 * - nothing yet: its missing folders are made one by one, then it is written atomically;
 * - a regular file, or a symbolic link to one: the regular file is replaced atomically (through the link, which stays);
 * - a FIFO or a character device (`/dev/stdout`, `/dev/null`, `/proc/self/fd/1`): written directly, never replaced by
 *   a regular file, which as root in a container would replace the device node itself;
 * - anything else (a folder, a socket, a dangling link, a path through a regular file): an `OutputError`.
 */
export function writeOutputFile(file: string, data: Content): void {
  const target = statOf(file, statSync);
  if (target === undefined) {
    if (statOf(file, lstatSync)?.isSymbolicLink()) throw new OutputError(bilingual(`${file} 是指向不存在之处的符号链接`, `${file} is a symbolic link to nothing`));
    makeFolders(dirname(file));
    writeFileAtomic(file, data);
  } else if (target.isFile()) {
    // realpath: the rename must replace the regular file the link names, in its own folder, not the link.
    writeFileAtomic(realpathSync.native(file), data);
  } else if (target.isFIFO() || target.isCharacterDevice()) {
    writeDirectly(file, data);
  } else if (target.isSocket() && ownDescriptor(file) !== undefined) {
    // A socket cannot be opened by path; `/dev/stdout` of a process whose output is a socket pair names it anyway.
    writeContent(ownDescriptor(file)!, data);
  } else {
    const what = target.isDirectory() ? bilingual('是文件夹', 'is a folder') : bilingual('不是普通文件、FIFO 或字符设备', 'is not a regular file, a FIFO or a character device');
    throw new OutputError(bilingual(`${file} ${what['zh-CN']}`, `${file} ${what.en}`));
  }
}

/** The stat of a path, undefined when nothing is there; a path through a regular file is the user's mistake, said so. */
function statOf(path: string, stat: (path: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw notAFolder(path);
    throw error;
  }
}

/**
 * Makes the missing folders of an output path from the nearest existing one down, one `mkdir` each: a recursive
 * `mkdir` under `/proc` retries for ever, and an ancestor that is a regular file is named rather than `EEXIST`.
 */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  for (let stats = statOf(at, statSync); stats === undefined; stats = statOf(at, statSync)) {
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const existing = statOf(at, statSync);
  if (existing && !existing.isDirectory()) throw new OutputError(bilingual(`${at} 不是文件夹`, `${at} is not a folder`));
  for (const path of missing.reverse()) mkdirSync(path);
}

function notAFolder(path: string): OutputError {
  // The failing component is the nearest ancestor that exists and is not a folder.
  let at = dirname(path);
  while (dirname(at) !== at && !isFile(at)) at = dirname(at);
  return new OutputError(bilingual(`${at} 不是文件夹`, `${at} is not a folder`));
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function writeDirectly(file: string, data: Content): void {
  // No O_CREAT and no O_TRUNC: the node exists and is a stream.
  const fd = openSync(file, constants.O_WRONLY);
  try {
    writeContent(fd, data);
  } finally {
    closeSync(fd);
  }
}

const STANDARD_STREAMS: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

/** The descriptor a path names in this process (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`), if it names one. */
function ownDescriptor(file: string): number | undefined {
  const fd = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(file)?.[1];
  return fd !== undefined ? Number(fd) : STANDARD_STREAMS[file];
}
