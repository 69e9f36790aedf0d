/**
 * Where uploaded images live, behind one interface: files under DATA_DIR by default
 * (file-media-storage.ts); an object store would be a second implementation of the same three calls.
 * Names are content addresses (`<sha256>.<extension>`), so the same bytes are stored once and a
 * name's bytes never change, which is what lets the public URL be cached forever.
 */
import { createHash } from 'node:crypto';
import { IMAGE_TYPES, type ImageType } from '../../src/contract/media.ts';

export interface StoredMedia {
  name: string;
  sha256: string;
  type: ImageType;
  bytes: number;
}

export interface MediaStorage {
  /** Stores the bytes under their content address; storing the same bytes again changes nothing. */
  put(bytes: Buffer, type: ImageType): Promise<StoredMedia>;
  /** The bytes stored under a name, or null when there are none. */
  get(name: string): Promise<Buffer | null>;
}

const MEDIA_NAME = /^([0-9a-f]{64})\.([a-z]+)$/;

export function mediaName(bytes: Buffer, type: ImageType): { name: string; sha256: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { name: `${sha256}.${type.extension}`, sha256 };
}

/** A well-formed stored name (and its type), or null: anything else is never looked up on disk. */
export function parseMediaName(name: string): { sha256: string; type: ImageType } | null {
  const match = MEDIA_NAME.exec(name);
  const type = match && IMAGE_TYPES.find((candidate) => candidate.extension === match[2]);
  return match && type ? { sha256: match[1], type } : null;
}
