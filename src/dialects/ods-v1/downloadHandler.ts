import type { RequestHandler } from 'express';
import type { Deps } from '../../execute/deps';
import type { Metrics } from '../../execute/metrics';
import type { ExportWriter } from '../../render/formats/streamWriter';
import { runExport } from '../../usecases/runExport';
import { downloadParams } from './downloadParams';
import { streamWriter, writtenFieldOf, writtenWriter } from '../../render/formats/streamWriter';
import type { BodyPart } from '../../render/rendered';
import { RECORD_SPOOLED_FORMATS } from '../../render/formats/registry';
import { gisExport } from '../shared/gisExport';
import { sendSpooled } from '../shared/sendSpooled';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { routeAccess } from '../shared/routeAccess';
import { streamExport } from '../shared/streamExport';

/** A writer whose records and bytes are counted in the export metrics, by format. */
function countedWriter<T, P extends BodyPart>(writer: ExportWriter<T, P>, metrics: Metrics | undefined, format: string): ExportWriter<T, P> {
  if (!metrics) return writer;
  const bytes = <B extends BodyPart>(part: B): B => { metrics.exportedBytes.inc({ format }, Buffer.byteLength(part)); return part; };
  return {
    ...writer, head: bytes(writer.head), tail: bytes(writer.tail),
    page: (records, first) => { metrics.exportedRows.inc({ format }, records.length); return bytes(writer.page(records, first)); },
  };
}

/** `/api/records/1.0/download`: every matching record, streamed from one snapshot (reference/ods-v1.md §1.5). */
export function downloadHandler(deps: Deps, clock: () => number, pageSize: number, metrics?: Metrics): RequestHandler {
  return async (req, res) => {
    const params = requestParams(req);
    const request = downloadParams(params);
    guardJsonp(req, request.output.format, params.raw.has('apikey'));
    const spooled = RECORD_SPOOLED_FORMATS.get(request.output.format);
    // The binary GIS formats write geometries; the text formats splice each shape's stored text,
    // and those that write ODS records as JSON, their GeoJSON features or their CSV lines send them as their index keeps them written.
    const field = spooled ? undefined : writtenFieldOf(request.output.format, request.output.callback);
    const reading = spooled ? 'parsed' : field ? { written: field } : 'text';
    const { plan, pages } = await runExport(deps, routeAccess(req), request, clock(), pageSize, reading);
    const records = { schema: plan.schema, timeZone: plan.timeZone, datasetId: plan.datasetId };
    const format = { records, columns: plan.fields ?? plan.schema, output: request.output, filename: plan.datasetId.replace(/[^\w@-]/g, '_') };
    if ('written' in pages) {
      await streamExport(res, countedWriter(writtenWriter(request.output.format, request.output.callback, format), metrics, request.output.format), pages.written);
      return;
    }
    if (spooled) {
      const ctx = gisExport(spooled, request.output.format, { ...records, columns: format.columns, filename: format.filename, now: clock() }, 'format');
      const name = request.output.format;
      await sendSpooled(res, spooled, ctx, pages.records, metrics && { rows: (n) => metrics.exportedRows.inc({ format: name }, n), bytes: (n) => metrics.exportedBytes.inc({ format: name }, n) });
      return;
    }
    const writer = streamWriter(request.output.format, request.output.callback, format);
    await streamExport(res, countedWriter(writer, metrics, request.output.format), pages.records);
  };
}
