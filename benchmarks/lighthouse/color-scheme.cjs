// Prints the colour scheme a page renders in under the given Chromium flags, and its computed body background:
// proof that the "dark" Lighthouse runs see the dark theme (Lighthouse has no flag for prefers-color-scheme).
//   NODE_PATH=TOOLS/node_modules node color-scheme.cjs URL [CHROMIUM FLAG...]
const puppeteer = require("puppeteer-core");

(async () => {
  const [url, ...flags] = process.argv.slice(2);
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH, headless: true, args: flags });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "load" });
    const seen = await page.evaluate(() => ({
      dark: matchMedia("(prefers-color-scheme: dark)").matches,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    console.log(`${seen.dark ? "dark" : "light"} ${seen.background}`);
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error); process.exit(1); });
