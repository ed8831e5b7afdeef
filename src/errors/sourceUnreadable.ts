/**
 * A source file that cannot be read as what it claims to be: a corrupt zip, a zip without a
 * Shapefile, a Shapefile without `.prj` and no `crs`, an unknown CRS, a GeoPackage that is not
 * one, a layer or sheet that does not exist. The message is public: it names the file's problem
 * and, when there is a choice to make (layers, sheets), lists what the file offers.
 *
 * Status 422: the request itself was well formed, the content of the file is what cannot be
 * processed (the "422 for a validation error").
 */
export class SourceUnreadable extends Error {
  readonly status = 422;

  constructor(message: string) {
    super(message);
    this.name = 'SourceUnreadable';
  }
}
