/** The smallest servable: anything with a fetch method. */
export default {
  fetch: (): Response => Response.json('plain fetch'),
};
