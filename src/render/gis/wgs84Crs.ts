import type { GisCrs } from '../formats/spooledFormat';

/**
 * WGS 84 (EPSG:4326), the CRS of every stored geometry: its OGC WKT 1 (GeoPackage's
 * gpkg_spatial_ref_sys) and its ESRI WKT (a Shapefile's .prj). Positions are written longitude first.
 */
export const WGS84_CRS: GisCrs = {
  epsg: 4326,
  name: 'WGS 84',
  wkt: 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],'
    + 'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    + 'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
  esriWkt: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};
