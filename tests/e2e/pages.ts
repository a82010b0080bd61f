// Page objects: what a citizen sees and does, found by role and label first.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** An item as the catalog API lists it (the fields the journeys read). */
export type Summary = {
  code: string;
  name: string;
  department_kind: string;
  depth: string;
  scope: { kind: string; region?: string };
  visits: number;
};

/** The whole catalog, from the API itself, so the tests follow whatever the seed data holds. */
export async function catalog(request: APIRequestContext): Promise<Summary[]> {
  const response = await request.get('/api/items');
  expect(response.ok()).toBe(true);
  return response.json();
}

/** The texts marked as search matches inside `locator`: the ranges of the page's `search`
 *  highlight (src/components/marked_text.rs) that start there, in text order. */
export function marked(locator: Locator): Promise<string[]> {
  return locator.evaluate((root) =>
    [...(CSS.highlights.get('search') ?? [])]
      .filter((range) => root.contains(range.startContainer))
      .sort((a, b) => a.startOffset - b.startOffset)
      .map((range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset)),
  );
}

export class CatalogPage {
  readonly search: Locator;
  readonly count: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: '搜索服务事项' });
    this.count = page.getByTestId('result-count');
    this.cards = page.getByTestId('results').locator('li.card');
    this.filtersToggle = page.getByRole('button', { name: /^筛选/ });
  }

  readonly filtersToggle: Locator;

  async goto(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.count).toBeVisible();
    await this.openFilters();
  }

  /** On a phone the filters fold behind a toggle; open them (a no-op on wider screens). */
  async openFilters() {
    if ((await this.filtersToggle.isVisible()) && (await this.filtersToggle.getAttribute('aria-expanded')) === 'false') {
      await this.filtersToggle.click();
    }
  }

  chip(name: string): Locator {
    return this.page.getByRole('group', { name: '办理方式' }).getByRole('button', { name });
  }

  department(name: string): Locator {
    return this.page.getByRole('group', { name: '按部门浏览' }).getByRole('button', { name, exact: true });
  }

  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    const match = text.match(/共找到 (\d+) 个事项/);
    if (!match) throw new Error(`no count in "${text}"`);
    return Number(match[1]);
  }

  cardTitles(): Promise<string[]> {
    return this.cards.locator('h2').allTextContents();
  }

  result(n = 0): Locator {
    return this.cards.nth(n).getByRole('link');
  }

  /** Follows result `n` to its guide and returns the item's name once the guide shows it. */
  async openResult(n = 0): Promise<string> {
    const link = this.result(n);
    const name = (await link.textContent()) ?? '';
    await link.click();
    await expect(new GuidePage(this.page).heading).toHaveText(name);
    return name;
  }
}

export class GuidePage {
  readonly heading: Locator;
  readonly materials: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.materials = page.getByTestId('materials');
  }

  section(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }
}

/** Runs axe-core on the page as it is now and fails on any violation, listing them. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
