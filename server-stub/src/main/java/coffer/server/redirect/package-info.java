/**
 * Where Coffer sends users' browsers: its own return pages ({@link coffer.server.redirect.ReturnPage}),
 * where the provider's pages send the user by default.
 */
package coffer.server.redirect;
