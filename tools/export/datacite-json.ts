/**
 * DataCite JSON: the JSON:API document the DataCite REST API takes on
 * `POST /dois` and `PUT /dois/<doi>` (https://support.datacite.org/docs/api-create-dois).
 * The model already has the `attributes` shape; this wraps it and adds the
 * fields that only the API knows (the event that moves a DOI between states).
 */
import type { DataciteRecord, GeoLocation } from './datacite-model.ts';

/** The state change a request asks for: draft → registered (`register`) → findable (`publish`), and back (`hide`). */
export type DoiEvent = 'publish' | 'register' | 'hide';

/** The JSON:API request body for one DOI. */
export interface DataciteJsonDocument {
  data: {
    id?: string;
    type: 'dois';
    attributes: Record<string, unknown>;
  };
}

/**
 * A geoLocation in the REST shape: one polygon is a flat list of
 * `{polygonPoint}` entries ending with an optional `{inPolygonPoint}`; several
 * polygons are a list of such lists.
 */
function geoLocationJson(g: GeoLocation): Record<string, unknown> {
  const { geoLocationPolygons, ...rest } = g;
  if (!geoLocationPolygons?.length) return rest;
  const flat = geoLocationPolygons.map((p) => [
    ...p.polygonPoints.map((pt) => ({ polygonPoint: pt })),
    ...(p.inPolygonPoint ? [{ inPolygonPoint: p.inPolygonPoint }] : []),
  ]);
  return { ...rest, geoLocationPolygon: flat.length === 1 ? flat[0] : flat };
}

/**
 * The DataCite JSON:API document for a record; `event` is included only when
 * given. A record whose identifier is not a DOI (a dataset known only by its
 * Handle) has no `doi` or `id`: its identifier goes under `identifiers`.
 */
export function toDataciteJson(r: DataciteRecord, event?: DoiEvent): DataciteJsonDocument {
  const { identifierType, geoLocations, doi, ...rest } = r;
  const isDoi = (identifierType ?? 'DOI') === 'DOI';
  const attributes: Record<string, unknown> = {
    ...(isDoi ? { doi } : { identifiers: [{ identifier: doi, identifierType }] }),
    ...rest,
    // Which kernel the attributes follow; DataCite stores it with the DOI.
    schemaVersion: 'http://datacite.org/schema/kernel-4',
    ...(geoLocations ? { geoLocations: geoLocations.map(geoLocationJson) } : {}),
    ...(event ? { event } : {}),
  };
  return { data: { ...(isDoi ? { id: doi } : {}), type: 'dois', attributes } };
}
