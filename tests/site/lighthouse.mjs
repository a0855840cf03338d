// tests/site/lighthouse.mjs NPM_DIR BASE_URL PAGE...: Lighthouse (npm,
// pinned in the Makefile) on each page of the site, through Debian's
// chromium (CHROME_PATH, default /usr/bin/chromium; Lighthouse downloads
// nothing), on a desktop and on a phone (Lighthouse's own emulation), in the
// light and the dark colour scheme (prefers-color-scheme, set on the page
// before Lighthouse loads it). Prints tests/lib.sh's "ok - " / "not ok - "
// lines: accessibility 100 on each, and on a phone a cumulative layout
// shift under 0.05. Each run's failing audits are printed as comments.
import { createRequire } from 'module';
import path from 'path';
import os from 'os';
import fs from 'fs';

const [npmDir, base, ...pages] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(npmDir), 'node_modules', 'x.js'));
const lighthouse = (await import(require.resolve('lighthouse'))).default;
const desktop = (await import(require.resolve('lighthouse/core/config/desktop-config.js'))).default;
const puppeteer = (await import(require.resolve('puppeteer-core'))).default;

let failed = 0;
function ok(cond, what) {
	console.log((cond ? 'ok - ' : 'not ok - ') + what);
	if (!cond)
		failed++;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'podsynth-lighthouse.'));
const browser = await puppeteer.launch({
	executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
	headless: true,
	userDataDir: profile,
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
	       '--disable-component-update', '--disable-sync', '--mute-audio', '--disable-quic'],
});
try {
	for (const page of pages) {
		for (const form of ['desktop', 'mobile']) {
			for (const scheme of ['light', 'dark']) {
				const tab = await browser.newPage();
				await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
				const flags = {
					output: 'json', logLevel: 'error', formFactor: form,
					onlyCategories: ['accessibility'],
					onlyAudits: form === 'mobile' ? ['cumulative-layout-shift'] : undefined,
					disableStorageReset: false,
				};
				const config = form === 'desktop' ? desktop : undefined;
				const what = `${page || 'index'}, ${form}, ${scheme}`;
				let lhr;
				try {
					lhr = (await lighthouse(base + '/' + page, flags, config, tab)).lhr;
				} catch (e) {
					ok(false, `Lighthouse runs on ${what}: ${e.message}`);
					await tab.close();
					continue;
				}
				const score = Math.round((lhr.categories.accessibility.score || 0) * 100);
				for (const a of Object.values(lhr.audits))
					if (a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
						console.log(`# ${what}: ${a.id}: ${a.title}`);
				if (lhr.runtimeError)
					console.log(`# ${what}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
				// the scheme the page was drawn in, as the page itself saw it
				const dark = await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
				ok(dark === (scheme === 'dark'), `the page was in the ${scheme} scheme (${tab.url()})`);
				ok(score === 100, `Lighthouse ${lhr.lighthouseVersion} accessibility on ${what}: ${score}`);
				if (form === 'mobile') {
					const cls = lhr.audits['cumulative-layout-shift'];
					const v = cls && typeof cls.numericValue === 'number' ? cls.numericValue : NaN;
					ok(v < 0.05, `Lighthouse cumulative layout shift on ${what}: ${v.toFixed(3)}`);
				}
				await tab.close();
			}
		}
	}
} finally {
	await browser.close();
	fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
