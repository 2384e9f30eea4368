// The review UI's entry point: the Fastify plugin (server/ui/routes.ts) and the session check the API shares
// (server/ui/session.ts). Pages are in server/ui/views.ts; the report's HTML comes from report/html.ts.
export { uiPlugin, type DecisionOutcome, type UiOptions } from "./ui/routes.ts";
export { isAuthorized } from "./ui/session.ts";
