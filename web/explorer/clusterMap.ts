import * as L from 'leaflet';
import { getJson } from './api';
import { formatCount } from './dom';
import type { Cluster } from './types';

/** A bounding box as the API's `geofilter.bbox` reads it: south, west, north, east. */
export type Bbox = [number, number, number, number];

type Boundaries = GeoJSON.FeatureCollection;
let basemaps: Promise<[Boundaries, Boundaries]> | undefined;
/** The simplified départements and régions the build bundles (no tile server can be reached), fetched once. */
function loadBasemaps(): Promise<[Boundaries, Boundaries]> {
  basemaps ??= Promise.all([getJson<Boundaries>('/explore/assets/departements.geojson'), getJson<Boundaries>('/explore/assets/regions.geojson')]);
  return basemaps;
}

/** Marker size grows with the log of the count, so that one cluster of 10,000 does not hide the map. */
const sizeOf = (count: number): number => Math.round(26 + 8 * Math.log10(Math.max(1, count)));

/**
 * The dataset's map: départements and régions drawn as the basemap, one marker per cluster of
 * `geocluster` (its count written on it), and the geofilter of the view drawn as a dashed box.
 */
export class ClusterMap {
  private readonly map: L.Map;
  private readonly clusters = L.layerGroup();
  private geofilter: L.Rectangle | undefined;
  private fitted = false;

  constructor(container: HTMLElement, label: string) {
    this.map = L.map(container, { center: [46.6, 2.4], zoom: 5, zoomSnap: 1, keyboard: true, attributionControl: true });
    this.map.attributionControl.setPrefix('Leaflet').addAttribution('Boundaries: IGN Admin Express');
    container.setAttribute('aria-label', label);
    container.setAttribute('role', 'region');
    loadBasemaps().then(([departements, regions]) => {
      L.geoJSON(departements, { style: { color: '#8a94a6', weight: 0.8, fillColor: '#f1efe8', fillOpacity: 1 }, interactive: false }).addTo(this.map).bringToBack();
      L.geoJSON(regions, { style: { color: '#59627a', weight: 1.6, fill: false }, interactive: false }).addTo(this.map);
      this.clusters.addTo(this.map);
      this.geofilter?.bringToFront();
      container.setAttribute('data-basemap', 'ready');
    }, () => container.setAttribute('data-basemap', 'failed'));
    this.clusters.addTo(this.map);
  }

  /** The zoom level, which is also `geocluster`'s `clusterprecision`. */
  zoom(): number { return Math.round(this.map.getZoom()); }

  /** The box the map shows, for `geofilter.bbox`. */
  viewBbox(): Bbox {
    const b = this.map.getBounds();
    const r = (x: number): number => Math.round(x * 1e5) / 1e5;
    return [r(b.getSouth()), r(Math.max(-180, b.getWest())), r(b.getNorth()), r(Math.min(180, b.getEast()))];
  }

  onMove(handler: () => void): void { this.map.on('moveend', handler); }

  /** Draws the clusters; the first time a dataset has some, the map fits them (which moves it, and asks again at that zoom). */
  setClusters(clusters: readonly Cluster[]): void {
    this.clusters.clearLayers();
    for (const c of clusters) {
      const size = sizeOf(c.count);
      const icon = L.divIcon({
        className: 'cluster-marker',
        html: `<span data-count="${c.count}">${formatCount(c.count)}</span>`,
        iconSize: [size, size],
      });
      const marker = L.marker([c.cluster_center[0], c.cluster_center[1]], { icon, keyboard: true, title: `${formatCount(c.count)} records`, alt: `${c.count} records` });
      marker.on('click', () => this.map.setView(marker.getLatLng(), Math.min(18, this.map.getZoom() + 2)));
      this.clusters.addLayer(marker);
    }
    if (!this.fitted && clusters.length > 0) {
      this.fitted = true;
      // Each cluster's own box (geocluster's `cluster` polygon) when there is one: a zoomed-out answer may be a single point.
      const bounds = L.latLngBounds(clusters.map((c) => L.latLng(c.cluster_center[0], c.cluster_center[1])));
      for (const c of clusters) if (c.cluster) bounds.extend(L.geoJSON(c.cluster as GeoJSON.Geometry).getBounds());
      this.map.fitBounds(bounds.pad(0.05), { maxZoom: 13 });
    }
  }

  /** Draws (or takes away) the box the records are filtered by. */
  setGeofilter(bbox: Bbox | null): void {
    this.geofilter?.remove();
    this.geofilter = undefined;
    if (bbox === null) return;
    this.geofilter = L.rectangle([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { color: '#c2410c', weight: 2, dashArray: '6 4', fill: false, interactive: false, className: 'geofilter' }).addTo(this.map);
  }

  /** Leaflet measures its container once; a layout change (narrow screens) needs a new measure. */
  resize(): void { this.map.invalidateSize(); }

  remove(): void { this.map.remove(); }
}
