import type { Html, HtmlValue } from './html';
import { html } from './html';
import type { Section } from './layout';
import { page } from './layout';

/**
 * The parts of a public page about one record (a need, an alliance, a notice): the page itself
 * with the way back to its list, its facts, and its tables.
 */

/**
 * A record's page: the way back (`<list> / <here>`, hidden in print), the record's title as the
 * page's one `h1`, then `body`.
 */
export function detailPage(options: {
  title: string;
  section: Section;
  back: { href: string; label: string; here: string };
  body: HtmlValue;
}): string {
  const { title, back } = options;
  return page({
    title,
    section: options.section,
    body: html`<p class="meta crumbs"><a href="${back.href}">${back.label}</a> / ${back.here}</p>
      <h1>${title}</h1>
      ${options.body}`,
  });
}

/** The record's facts, a label and its value a row (one column on a phone). */
export function factList(facts: readonly (readonly [string, string])[]): Html {
  return html`<dl class="fields">
    ${facts.map(
      ([label, value]) =>
        html`<dt>${label}</dt>
          <dd>${value}</dd>`,
    )}
  </dl>`;
}

export interface TableColumn<Row> {
  label: string;
  /** Amounts: right-aligned, unbroken. */
  num?: boolean;
  cell: (row: Row, index: number) => HtmlValue;
}

/** The first column of every public table: 1, 2, 3… */
export const ORDINAL: TableColumn<unknown> = { label: '序号', cell: (_, index) => index + 1 };

/**
 * A table of the record's rows. On a phone each row becomes a card, each cell labelled by its
 * column (`data-label`, the stylesheet's `::before`). `foot`: the rows of a `tfoot` (合计).
 */
export function listTable<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  foot?: Html,
): Html {
  return html`<table class="list">
    <thead>
      <tr>
        ${columns.map((c) =>
          c.num
            ? html`<th scope="col" class="num">${c.label}</th>`
            : html`<th scope="col">${c.label}</th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row, index) =>
          html`<tr>
            ${columns.map((c) =>
              c.num
                ? html`<td data-label="${c.label}" class="num">${c.cell(row, index)}</td>`
                : html`<td data-label="${c.label}">${c.cell(row, index)}</td>`,
            )}
          </tr>`,
      )}
    </tbody>
    ${
      foot
        ? html`<tfoot>
            ${foot}
          </tfoot>`
        : ''
    }
  </table>`;
}
