/**
 * Great-circle distance in km (haversine): the worker sorts a city's theatres by it, the browser
 * suggests the nearest city with it.
 */
export function distanceKm(from: [number, number], to: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (to[0] - from[0]) * rad;
  const dLng = (to[1] - from[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(from[0] * rad) * Math.cos(to[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
