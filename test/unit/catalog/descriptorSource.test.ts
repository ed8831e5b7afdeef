import { parseDescriptor } from '../../../src/catalog/parseDescriptor';

const withSource = (source: Record<string, unknown>) => ({ id: 'd', metadata: { title: 'D' }, source });

describe('the descriptor’s GIS source options', () => {
  test('format, layer, sheet and crs are read', () => {
    expect(parseDescriptor(withSource({ path: 'a.gpkg', format: 'gpkg', layer: 'communes', crs: 'EPSG:2154' }), 'x').source)
      .toEqual({ path: 'a.gpkg', format: 'gpkg', layer: 'communes', crs: 'EPSG:2154' });
    expect(parseDescriptor(withSource({ path: 'a.xlsx', format: 'xlsx', sheet: 'Feuil2' }), 'x').source?.sheet).toBe('Feuil2');
    expect(parseDescriptor(withSource({ path: 'a.zip', format: 'shp', encoding: 'latin1' }), 'x').source?.format).toBe('shp');
  });

  test('an unknown crs is refused when the descriptor is read, naming it', () => {
    expect(() => parseDescriptor(withSource({ path: 'a.zip', crs: 'EPSG:31467' }), 'x.json')).toThrow(/source\.crs: unknown CRS EPSG:31467: this server bundles EPSG:2154/);
    expect(() => parseDescriptor(withSource({ path: 'a.zip', crs: 'Lambert 93' }), 'x.json')).toThrow('source.crs: unknown CRS "Lambert 93": give it as EPSG:nnnn');
  });

  test('a misspelt option is an unknown key with its closest spelling', () => {
    expect(() => parseDescriptor(withSource({ path: 'a.gpkg', layers: 'communes' }), 'x.json')).toThrow('source.layers: unknown key (did you mean layer?)');
  });
});
