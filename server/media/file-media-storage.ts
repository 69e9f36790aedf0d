/** Media files under a directory (DATA_DIR/media by default): `<first two hex digits>/<sha256>.<ext>`. */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ImageType } from '../../src/contract/media.ts';
import { mediaName, parseMediaName, type MediaStorage, type StoredMedia } from './media-storage.ts';

const exists = (path: string) => stat(path).then(() => true, () => false);

export function fileMediaStorage(root: string): MediaStorage {
  // Two hex digits of fan-out keep any one directory small.
  const pathOf = (name: string) => join(root, name.slice(0, 2), name);
  return {
    async put(bytes: Buffer, type: ImageType): Promise<StoredMedia> {
      const { name, sha256 } = mediaName(bytes, type);
      const path = pathOf(name);
      if (!(await exists(path))) {
        await mkdir(join(root, name.slice(0, 2)), { recursive: true });
        // Written aside and renamed: a reader (or a concurrent upload of the same file) never sees half a file.
        const partial = `${path}.${randomUUID()}.partial`;
        await writeFile(partial, bytes);
        await rename(partial, path);
      }
      return { name, sha256, type, bytes: bytes.length };
    },
    async get(name: string): Promise<Buffer | null> {
      if (!parseMediaName(name)) return null;
      return readFile(pathOf(name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
    },
  };
}
