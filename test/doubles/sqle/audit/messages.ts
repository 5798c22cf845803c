// Messages of the rules the double implements, as SQLE 3.2412.1 words them (zh is the default
// language, en with Accept-Language: en). Texts seen in the recordings are exact; the others come
// from SQLE's MySQL plugin locale files of the same era.

export interface RuleMessage {
  zh: string;
  en: string;
}

export const SYNTAX_ERROR: RuleMessage = {
  zh: '语法错误或者解析器不支持，请人工确认SQL正确性',
  en: 'Syntax error or parser does not support it. Please manually confirm the correctness of SQL.',
};

export const RULE_MESSAGES: Record<string, RuleMessage> = {
  all_check_where_is_invalid: { zh: '禁止使用没有WHERE条件或者WHERE条件恒为TRUE的SQL', en: 'Prohibit SQL without WHERE condition or WHERE condition that is always TRUE' },
  dml_check_update_or_delete_has_where: { zh: '建议UPDATE/DELETE操作使用WHERE条件', en: 'It is recommended to use WHERE conditions for UPDATE/DELETE operations' },
  dml_check_fuzzy_search: { zh: '禁止使用全模糊搜索或左模糊搜索', en: 'Prohibit full fuzzy search or left fuzzy search' },
  dml_avoid_where_equal_null: { zh: 'WHERE子句中禁止将NULL值与其他字段或值进行比较运算', en: 'Do not compare NULL values with other fields or values in the WHERE clause' },
  ddl_check_pk_not_exist: { zh: '表必须有主键', en: 'Table must have a primary key' },
  ddl_check_pk_without_bigint_unsigned: { zh: '主键建议使用 BIGINT 无符号类型，即 BIGINT UNSIGNED', en: 'Suggest using BIGINT unsigned type for primary key, i.e. BIGINT UNSIGNED' },
  ddl_check_pk_without_auto_increment: { zh: '主键建议使用自增', en: 'Suggest using auto-increment for primary key' },
  ddl_check_column_without_default: { zh: '除了自增列及大字段列之外，每个列都必须添加默认值', en: 'Except for auto-increment column and large field column, each column must add default value' },
  ddl_check_table_without_if_not_exists: { zh: '新建表建议加入 IF NOT EXISTS，保证重复执行不报错', en: 'Suggest adding IF NOT EXISTS when creating a new table to ensure that repeated execution does not cause errors' },
  ddl_disable_drop_statement: { zh: '禁止除索引外的DROP操作', en: 'Do not use DROP operations except for indexes' },
  ddl_check_create_procedure: { zh: '禁止使用存储过程', en: 'Prohibit the use of stored procedures' },
  ddl_check_create_function: { zh: '禁止使用自定义函数', en: 'Prohibit the use of custom functions' },
  ddl_check_create_trigger: { zh: '禁止使用触发器', en: 'Prohibit the use of triggers' },
  ddl_check_create_view: { zh: '禁止使用视图', en: 'Prohibit the use of views' },
  ddl_avoid_event: { zh: '禁止使用event', en: 'Do not use events' },
  ddl_avoid_full_text: { zh: '禁止使用全文索引', en: 'Do not use fulltext indexes' },
  ddl_disable_fk: { zh: '禁止使用外键', en: 'Do not use foreign keys' },
  ddl_not_allow_renaming: { zh: '禁止使用RENAME或CHANGE对表名字段名进行修改', en: 'Do not use RENAME or CHANGE to modify table or field names' },
  ddl_disable_alter_field_use_first_and_after: { zh: 'ALTER表字段禁止使用FIRST,AFTER', en: 'Do not use FIRST or AFTER for ALTER table fields' },
  ddl_check_column_char_length: { zh: 'CHAR长度大于20时，必须使用VARCHAR类型', en: 'When the length of CHAR is greater than 20, the VARCHAR type must be used' },
  ddl_check_column_blob_with_not_null: { zh: 'BLOB 和 TEXT 类型的字段不建议设置为 NOT NULL', en: 'It is not recommended to set BLOB and TEXT type fields to NOT NULL' },
  ddl_check_column_blob_default_is_not_null: { zh: 'BLOB 和 TEXT 类型的字段默认值只能为NULL', en: 'The default value of BLOB and TEXT type fields can only be NULL' },
  ddl_check_column_timestamp_without_default: { zh: 'TIMESTAMP 类型的列必须添加默认值', en: 'The column of TIMESTAMP type must add default value' },
  ddl_check_index_prefix: { zh: '建议普通索引要以"idx_"为前缀', en: 'Use "idx_" as the prefix for ordinary indexes' },
  ddl_check_unique_index_prefix: { zh: '建议UNIQUE索引要以"uniq_"为前缀', en: 'Suggest using "uniq_" as the prefix for UNIQUE index' },
};

/** dml_check_limit_offset_num carries its numbers. */
export function limitOffsetMessage(offset: number, threshold: number): RuleMessage {
  return {
    zh: `不建议LIMIT的偏移OFFSET大于阈值，OFFSET=${offset}（阈值为${threshold}）`,
    en: `It is not recommended to have an offset larger than the threshold for LIMIT, OFFSET=${offset} (threshold is ${threshold})`,
  };
}
