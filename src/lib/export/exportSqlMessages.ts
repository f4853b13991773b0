import { dictionary } from '$lib/i18n/i18n.svelte';

/** Strings of the Export SQL control (src/lib/export/ExportSql.svelte). */
export const m = dictionary(
  {
    group: 'Export the SQL of “{name}”',
    dialect: 'SQL dialect',
    result: 'Result',
    exportSql: 'Export SQL',
    help: 'The SQL the workbench runs, with these parameters written in, as a script for DuckDB or a PostgreSQL-family data warehouse: it reads a table of this file’s columns (named in its header) and returns the same numbers. Nothing is sent; the file is saved on this computer.',
    stages: 'Stage of each customer and month',
    transitions: 'Month-to-month transitions',
    retention: 'Cohort retention',
    value: 'Value scores of each customer',
    campaign: 'Value-screened target population',
    duckdb: 'DuckDB',
    postgres: 'PostgreSQL'
  },
  {
    group: '导出“{name}”的 SQL',
    dialect: 'SQL 方言',
    result: '结果',
    exportSql: '导出 SQL',
    help: '本工作台运行的 SQL（已代入当前参数），可作为脚本在 DuckDB 或 PostgreSQL 系数据仓库中运行：读取一张与本文件列相同的表（列名写在脚本开头），得出相同的结果。不发送任何数据，文件保存在本机。',
    stages: '每位客户每月的阶段',
    transitions: '逐月阶段转移',
    retention: '同期群留存',
    value: '每位客户的价值评分',
    campaign: '经价值筛选的目标人群',
    duckdb: 'DuckDB',
    postgres: 'PostgreSQL'
  }
);
