import { Resource } from '@flama/routing';
import { addCollectionRoutes } from './collection-routes';
import { CRUDContext, type CRUDResourceOptions } from './crud-context';
import { addItemRoutes } from './item-routes';

/**
 * A resource with Flama's CRUD routes over a drizzle table, each in one transaction on the app's database:
 * `POST /` (201), `GET|PUT|PATCH|DELETE /{id}/` (404 for an unknown id), `GET /` paginated with filters and
 * ordering, `PUT /` (replace all), `PATCH /` (upsert), `DELETE /` (drop matching, `{"deleted": n}`).
 * Mount it with `app.resources.addResource('/user/', resource)`; add routes of your own to it as to any resource.
 */
export function crudResource(options: CRUDResourceOptions): Resource {
  const crud = new CRUDContext(options);
  const resource = new Resource({
    name: options.name,
    verboseName: options.verboseName,
    description: options.description,
  });
  addItemRoutes(resource, crud);
  addCollectionRoutes(resource, crud);
  return resource;
}
