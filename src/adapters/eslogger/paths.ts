import { FieldError } from '../adapter.js';
import { isObj, pathOf, requireObject, requireString, shown, type Obj } from './fields.js';

/** The path of an `es_file_t`; a truncated one names no real file, so it is refused rather than guessed. */
export function filePath(file: Obj, base: string): string {
  if (file.path_truncated === true) throw new FieldError(pathOf(base, 'path_truncated'), 'is true: Endpoint Security cut the path, so it names no real file');
  return requireString(file, 'path', base);
}

export function filePathAt(o: Obj, key: string, base: string): string {
  return filePath(requireObject(o, key, base), pathOf(base, key));
}

/**
 * create and rename name their destination as an existing file (`destination.existing_file`) or as
 * a directory plus a file name (`destination.new_path.dir` / `.filename`), per `destination_type`.
 */
export function destinationPath(body: Obj, base: string): string {
  const where = pathOf(base, 'destination');
  const destination = requireObject(body, 'destination', base);
  if (isObj(destination.existing_file)) return filePathAt(destination, 'existing_file', where);
  if (isObj(destination.new_path)) {
    const newPath = destination.new_path;
    const dir = filePathAt(newPath, 'dir', pathOf(where, 'new_path'));
    const name = requireString(newPath, 'filename', pathOf(where, 'new_path'));
    return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
  }
  throw new FieldError(where, `has neither existing_file nor new_path, got ${shown(destination)}`);
}
