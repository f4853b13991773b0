/**
 * The value SQL's per-(customer, month) step read from the rows as they are. customer_window.sql and
 * historical_value.sql first sum each customer's month (`sum`/`max`/`avg`/`bool_or` … `GROUP BY
 * customer_id, month`), so a month with repeated rows counts once; the warehouse export keeps that
 * form (a warehouse table's uniqueness is unknown). Where the load proved one row per (customer, month)
 * (`DatasetHandle.oneRowPerCustomerMonth`), each group holds one row and each of those aggregates is
 * that row's value: the grouping, the costliest step at tens of millions of rows, is dropped and the
 * calls become plain parentheses. Number columns are DOUBLE, so `sum`/`avg`/`max` of one row keep
 * the row's value and type.
 */

/** The grouping of the per-month step; it must occur exactly once in the statement. */
const PER_MONTH = 'GROUP BY customer_id, month';
/** Aggregates of the per-month step that are identities on one row. */
const IDENTITY = /^(sum|max|avg|bool_or)\(/i;

/**
 * `sql` (templated) with the per-month step reading rows as they are: the text up to the step's
 * `GROUP BY customer_id, month` has its `sum(`/`max(`/`avg(`/`bool_or(` calls replaced by `(`, outside
 * quoted identifiers, string literals and comments (a user's header can be `"sum(x)"`), and the
 * grouping removed. Throws when the grouping is not there exactly once.
 */
export function perMonthRowsAsTheyAre(sql: string): string {
  let out = '';
  let found = -1;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === '"' || ch === "'") {
      // A quoted identifier or literal, with its doubled quotes.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      const j = end < 0 ? sql.length : end;
      out += sql.slice(i, j);
      i = j;
    } else if (sql.startsWith(PER_MONTH, i) && !/\w/.test(sql[i + PER_MONTH.length] ?? '')) {
      if (found >= 0) throw new Error(`value SQL: "${PER_MONTH}" more than once`);
      found = out.length;
      i += PER_MONTH.length;
    } else {
      const call = found < 0 && !/\w/.test(sql[i - 1] ?? '') ? IDENTITY.exec(sql.slice(i, i + 8)) : null;
      if (call) {
        out += '(';
        i += call[0].length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  if (found < 0) throw new Error(`value SQL: no "${PER_MONTH}" to read rows as they are`);
  return out;
}
