/**
 * Where Coffer sends users' browsers: the origins a user-chosen return URL may be on
 * ({@link coffer.server.redirect.ReturnOrigins}, set by the partner through
 * {@link coffer.server.redirect.ReturnOriginRoutes}), and Coffer's own return pages
 * ({@link coffer.server.redirect.ReturnPage}), where the provider's pages send the user by default.
 */
package coffer.server.redirect;
