/** Writes a file next to its target, then renames it into place: a reader never sees half a file. */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WriteFileOptions {
  /** Permission bits of the file, such as 0o600 for a file only its owner may read; set before it is renamed into place. */
  mode?: number;
}

export async function writeFileAtomically(file: string, text: string, options: WriteFileOptions = {}): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', ...(options.mode === undefined ? {} : { mode: options.mode }) });
    // The umask may have narrowed the mode further at creation, never widened it; chmod makes it exact.
    if (options.mode !== undefined) await chmod(temporary, options.mode);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
