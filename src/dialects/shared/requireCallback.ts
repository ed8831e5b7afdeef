import { AppError } from '../../errors/catalogue';
import { isJsonpFormat } from '../../model/jsonpFormat';

/** A JSONP format (`jsonp`, `geojsonp`) needs its callback: the rule of every endpoint that offers one (SPEC §3). */
export function requireCallback(format: string, callback: string | undefined): void {
  if (isJsonpFormat(format) && !callback) {
    throw new AppError('bad_parameter', `Parameter callback is required with format=${format}.`, { parameter: 'callback' });
  }
}
