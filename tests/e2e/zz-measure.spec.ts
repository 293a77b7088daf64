import { test } from "@playwright/test";
import { login } from "./helpers";
test("measure", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const who of [null, "redaktion", "koordinationDortmund"] as const) { if (who) await login(page, who); for (const path of ["/wissen", "/foerderung", "/projekte"]) {
    await page.goto(path);
    const out = await page.evaluate(() => {
      const rows: string[] = [];
      const walk = (el: Element, depth: number) => {
        for (const c of Array.from(el.children)) {
          const r = c.getBoundingClientRect();
          if (r.top > 800) continue;
          rows.push(`${"  ".repeat(depth)}${c.tagName.toLowerCase()}.${(c.className || "").toString().slice(0, 30)} y=${Math.round(r.top)} h=${Math.round(r.height)}`);
          if (depth < 1) walk(c, depth + 1);
        }
      };
      walk(document.querySelector("main")!, 0);
      return `header h=${Math.round(document.querySelector(".site-header")!.getBoundingClientRect().height)}\n` + rows.join("\n");
    });
    console.log(path + "\n" + out);
  } }
  await page.goto("/wissen");
  await page.screenshot({ path: "/tmp/shots/wissen-guest.png" });
});
