import { mkdir, rename } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError } from '../../errors/catalogue';
import { safeName, type UploadedForm } from './receiveUpload';

/** File name endings whose format a source is read in without being told (`.gz` looked through). */
const KNOWN_ENDINGS = ['.csv', '.txt', '.tsv', '.geojson', '.json', '.ndjson', '.jsonl', '.xlsx', '.gpkg', '.zip'];


/**
 * Moves an uploaded file to where the dataset's sources are kept (`<dir>/<dataset>/<time>-<name>`),
 * keeping its name's ending so that its format can be told from it. Without `format`, a name whose
 * ending tells nothing is refused (422) rather than read as CSV by default.
 */
export async function keepUpload(dir: string, datasetId: string, file: NonNullable<UploadedForm['file']>, format: string | undefined): Promise<string> {
  const name = safeName(file.filename);
  const ending = extname(name.toLowerCase().replace(/\.gz$/, ''));
  if (format === undefined && !KNOWN_ENDINGS.includes(ending)) {
    throw new AppError('unprocessable', `Cannot tell the format of ${name} from its name: give format (csv, geojson, json, ndjson, xlsx, gpkg or shp).`, { parameter: 'format' });
  }
  await mkdir(join(dir, datasetId), { recursive: true });
  const path = join(dir, datasetId, `${Date.now()}-${name}`);
  await rename(file.path, path);
  return path;
}
