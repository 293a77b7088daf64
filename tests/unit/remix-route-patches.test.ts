// The patched server builds of @remix-run/router, react-router-dom/server and @remix-run/server-runtime
// (patches/, docs/decisions/005-route-matching-patch.md) keep per-build work across requests. What a request sees
// must not change: each request gets its own matches for its own URL, and nothing one request changes reaches
// the next one.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The CommonJS builds, as the server loads them (the patches change only these).
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");
const routerDomServer = require("react-router-dom/server") as typeof import("react-router-dom/server");
const entry = require("@remix-run/server-runtime/dist/entry.js") as { createEntryRouteModules: (m: Record<string, { module: unknown }>) => Record<string, unknown> };

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "index", index: true },
      { id: "wissen", path: "wissen" },
      { id: "artikel", path: "wissen/:slug" },
      { id: "thema", path: "forum/:kategorie/:themaId" },
      { id: "splat", path: "*" },
    ],
  },
];
const ids = (m: { route: { id?: string } }[] | null) => m?.map((x) => x.route.id);

describe("matchRoutes with remembered results", () => {
  it("matches each path to its own routes and params, again and again", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids(router.matchRoutes(routes, "/wissen/alpha"))).toEqual(["root", "artikel"]);
      expect(router.matchRoutes(routes, "/wissen/alpha")![1].params).toEqual({ slug: "alpha" });
      expect(router.matchRoutes(routes, "/wissen/beta")![1].params).toEqual({ slug: "beta" });
      expect(router.matchRoutes(routes, "/forum/allgemein/7")![1].params).toEqual({ kategorie: "allgemein", themaId: "7" });
      expect(ids(router.matchRoutes(routes, "/wissen"))).toEqual(["root", "wissen"]);
      expect(ids(router.matchRoutes(routes, "/"))).toEqual(["root", "index"]);
      expect(router.matchRoutes(routes, "/gibt/es/nicht")![1].params).toEqual({ "*": "gibt/es/nicht" });
    }
    // percent-encoded paths are matched decoded, as before
    expect(router.matchRoutes(routes, "/wissen/%C3%BCber")![1].params.slug).toBe("über");
  });

  it("a caller that changes its matches does not change what the next caller gets", () => {
    const first = router.matchRoutes(routes, "/forum/allgemein/8")!;
    (first[1].params as Record<string, string>).themaId = "verändert";
    first[1].pathname = "/anders";
    first.pop();
    const second = router.matchRoutes(routes, "/forum/allgemein/8")!;
    expect(ids(second)).toEqual(["root", "thema"]);
    expect(second[1].params).toEqual({ kategorie: "allgemein", themaId: "8" });
    expect(second[1].pathname).toBe("/forum/allgemein/8");
    // as unpatched: the matches of one result share one params object
    expect(second[0].params).toBe(second[1].params);
  });

  it("routes added later (a new array) are matched, not an old result", () => {
    const more = [{ ...routes[0], children: [{ id: "neu", path: "gibt/es/nicht" }, ...routes[0].children] }];
    expect(ids(router.matchRoutes(more, "/gibt/es/nicht"))).toEqual(["root", "neu"]);
    expect(ids(router.matchRoutes(routes, "/gibt/es/nicht"))).toEqual(["root", "splat"]);
  });

  it("a link's target with '?' in its pathname still fails loudly", () => {
    expect(() => router.resolveTo({ pathname: "/a?b" }, [], "/")).toThrow(/Cannot include a '\?' character/);
    expect(router.resolveTo("/wissen?seite=2", [], "/")).toEqual({ pathname: "/wissen", search: "?seite=2", hash: "" });
  });
});

describe("static router and route modules kept per build", () => {
  it("two requests on the same routes each get their own location and matches", async () => {
    const data = [{ id: "root", path: "/", loader: () => "r", children: [{ id: "a", path: "a/:x", loader: ({ params }: { params: { x?: string } }) => params.x ?? null }] }];
    const handler = router.createStaticHandler(data);
    const one = await handler.query(new Request("http://localhost/a/eins"));
    const two = await handler.query(new Request("http://localhost/a/zwei"));
    if (one instanceof Response || two instanceof Response) throw new Error("unexpected response");
    const r1 = routerDomServer.createStaticRouter(handler.dataRoutes, one);
    const r2 = routerDomServer.createStaticRouter(handler.dataRoutes, two);
    expect(r1.routes).toBe(r2.routes);
    expect(r1.state.location.pathname).toBe("/a/eins");
    expect(r2.state.location.pathname).toBe("/a/zwei");
    expect(r1.state.loaderData).toEqual({ root: "r", a: "eins" });
    expect(r2.state.loaderData).toEqual({ root: "r", a: "zwei" });
    expect(r2.state.matches.map((m) => m.params.x)).toEqual(["zwei", "zwei"]);
  });

  it("route modules: one map per build manifest, a new build gets its own", () => {
    const mod = { default: () => null };
    const manifest = { root: { module: mod } };
    expect(entry.createEntryRouteModules(manifest)).toBe(entry.createEntryRouteModules(manifest));
    expect(entry.createEntryRouteModules(manifest)).toEqual({ root: mod });
    const next = { root: { module: { default: () => "neu" } } };
    expect(entry.createEntryRouteModules(next).root).toBe(next.root.module);
  });
});
