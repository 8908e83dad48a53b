// Starts Swagger UI on /docs, pointed at this server's /openapi.json. Served as a file, not inline, so the
// page's Content-Security-Policy allows scripts from the server's own origin only. "Try it out" sends its
// requests to the origin the page came from: the document names no servers.
window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
        url: "/openapi.json",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        validatorUrl: null,
        persistAuthorization: false
    });
});
