import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the ingest report added with transaction logs and hostile files. */
export const m = dictionary(
  {
    lines: 'lines {from}–{to}',
    rowLine: 'data row {row}, line {line}',
    rowLines: 'data row {row}, lines {from}–{to}',
    dataLines:
      'The file has {lines} data lines in {rows} rows. Records spanning more than one line (line breaks inside quoted fields, or a quote that is never closed): {records}.',
    literalQuotes: 'Read quotes as ordinary characters',
    literalQuotesHelp:
      'A quote that is never closed joins every line after it into one record. Read again with quotes as ordinary characters, each line is a record.',
    quotesLiteral: 'Quotes were read as ordinary characters.',
    encodingIssue:
      'Some lines do not read cleanly as {chosen}; rows with unreadable characters were rejected. This is how they read as {chosen} and as {alternative}: if {alternative} is right, choose it above and reload.',
    lineHeader: 'Line',
    asEncoding: 'As {encoding}',
    conversion: '{column}: {from} converted to {to} (× {factor})',
    transactionLog:
      'This is a transaction log. Lifecycle, Retention & churn and Customer value need a monthly panel: it can be built from this log (per customer and month, the amount summed and the transactions counted).',
    buildPanel: 'Build the monthly panel',
    derivedNote:
      'Monthly panel built from the transaction log {file}: per customer and month, the amount summed (as revenue) and the transactions counted. Lifecycle, Retention & churn and Customer value run on it; a month without a purchase has no row.',
    derivedName: '{file} · monthly panel'
  },
  {
    lines: '第{from}–{to}行',
    rowLine: '数据第{row}行，文件第{line}行',
    rowLines: '数据第{row}行，文件第{from}–{to}行',
    dataLines: '文件有 {lines} 个数据行：其中 {records} 条记录跨越多行（引号内的换行，或引号未闭合），因此共有 {rows} 行记录。',
    literalQuotes: '将引号作为普通字符重新读取',
    literalQuotesHelp: '未闭合的引号会把其后的所有行并成一条记录。将引号作为普通字符重新读取后，每一行都是一条记录。',
    quotesLiteral: '引号已作为普通字符读取。',
    encodingIssue:
      '部分行无法按 {chosen} 正确读取；含无法识别字符的行已被拒绝。下面是这些行按 {chosen} 和按 {alternative} 读取的结果：如果 {alternative} 正确，请在上方选择它并重新加载。',
    lineHeader: '行号',
    asEncoding: '按 {encoding} 读取',
    conversion: '{column}：已由 {from} 换算为 {to}（× {factor}）',
    transactionLog:
      '这是一份交易流水。生命周期、留存与离网和客户价值需要月度面板：可由这份流水生成（按客户和月份汇总金额、统计交易笔数）。',
    buildPanel: '生成月度面板',
    derivedNote:
      '由交易流水 {file} 生成的月度面板：按客户和月份汇总金额（作为收入）并统计交易笔数。生命周期、留存与离网和客户价值基于它运行；没有消费的月份没有记录。',
    derivedName: '{file} · 月度面板'
  }
);
