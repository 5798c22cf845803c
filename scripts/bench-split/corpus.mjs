// Deterministic generators of realistic SQL scripts for the splitter benchmark.
// `portable: true` leaves out the syntax dbgate-query-splitter does not know (MySQL `#` comments,
// PostgreSQL E'' strings with \' escapes and nested comments), for the boundary comparison.
import { seededRandom } from './seeded-random.ts';

const WORDS = ['user', 'order', 'item', 'payment', 'audit', 'event', 'account', 'session', 'invoice', 'shipment'];
const NOTES = ["it''s done", 'O\\\'Reilly; Ltd', 'path C:\\\\tmp\\\\x', '用户表；初始化', 'semi;colon', '"quoted"', 'tab\\there'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function mysqlChunk(random, i, portable) {
  const t = `${pick(random, WORDS)}_${i}`;
  const note = pick(random, NOTES);
  switch (Math.floor(random() * 9)) {
    case 0:
      return `-- table ${t}: 说明 ${i}\n${portable ? '' : `# owner: team-${i % 7}\n`}CREATE TABLE IF NOT EXISTS \`${t}\` (\n` +
        `  \`id\` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'primary key',\n` +
        `  \`name\` VARCHAR(64) NOT NULL DEFAULT '' COMMENT '${note}',\n` +
        `  \`created_at\` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n` +
        `  PRIMARY KEY (\`id\`),\n  KEY \`idx_name\` (\`name\`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='${t}';\n\n`;
    case 1: {
      const rows = [];
      for (let r = 0; r < 4; r++) rows.push(`  (${i * 10 + r}, '${note}', "dq \\" ; ${r}", NOW())`);
      return `INSERT INTO \`${t}\` (id, name, remark, created_at) VALUES\n${rows.join(',\n')};\n`;
    }
    case 2:
      return `UPDATE ${t} SET name = 'x; y', updated = NOW() -- trailing note; not a terminator\n WHERE id = ${i} /* keep; */;\n`;
    case 3:
      return `/* report ${i}\n   spans lines; has ; inside */\nSELECT a.id, COUNT(*) AS cnt\n  FROM ${t} a\n  JOIN \`other\` b ON b.a_id = a.id\n WHERE a.name LIKE '%;%'\n GROUP BY a.id\n ORDER BY cnt DESC\n LIMIT 10;\n`;
    case 4:
      return `/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\nDELETE FROM ${t} WHERE created_at < '2020-01-01';\n`;
    case 5: {
      const [delim, sep] = pick(random, [['$$', ' '], ['//', ' '], ['$$', ''], [';;', ' ']]);
      return `DELIMITER ${delim}\nCREATE PROCEDURE p_${t}(IN p_id BIGINT)\nBEGIN\n  DECLARE v_cnt INT DEFAULT 0;\n` +
        `  SELECT COUNT(*) INTO v_cnt FROM ${t} WHERE id = p_id; -- count; rows\n` +
        `  IF v_cnt > 0 THEN\n    UPDATE ${t} SET name = CONCAT(name, ';') WHERE id = p_id;\n  END IF;\nEND${sep}${delim}\nDELIMITER ;\n\n`;
    }
    case 6:
      return `DELIMITER ;;\nCREATE TRIGGER trg_${t} BEFORE INSERT ON ${t} FOR EACH ROW BEGIN\n  SET NEW.name = TRIM(NEW.name);\n  SET NEW.created_at = NOW();\nEND ;;\nDELIMITER ;\n`;
    case 7:
      return `ALTER TABLE \`${t}\`\n  ADD COLUMN \`status\` TINYINT NOT NULL DEFAULT 0 COMMENT 'status; 0 = new',\n  ADD INDEX \`idx_status\` (\`status\`);\n`;
    default:
      return `SELECT 1; SELECT '${note}' AS n, \`col;x\` FROM ${t};\n`;
  }
}

function postgresChunk(random, i, portable) {
  const t = `${pick(random, WORDS)}_${i}`;
  switch (Math.floor(random() * 8)) {
    case 0:
      return `-- table ${t}: 说明\nCREATE TABLE IF NOT EXISTS "${t}" (\n  id bigserial PRIMARY KEY,\n` +
        `  "Name" text NOT NULL DEFAULT '',\n  note text DEFAULT 'it''s; fine',\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n\n`;
    case 1:
      return `CREATE OR REPLACE FUNCTION f_${t}(p_id bigint) RETURNS integer AS $$\nDECLARE\n  v integer;\nBEGIN\n` +
        `  SELECT count(*) INTO v FROM "${t}" WHERE id = p_id; -- ; inside\n  RAISE NOTICE 'count: %;', v;\n  RETURN v;\nEND;\n$$ LANGUAGE plpgsql;\n\n`;
    case 2:
      return `CREATE FUNCTION g_${t}() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  NEW.note := $q$a;b$q$ || ';';\n  RETURN NEW;\nEND\n$fn$;\n`;
    case 3:
      return `DO $$\nBEGIN\n  PERFORM 1;\n  UPDATE "${t}" SET note = 'x' WHERE id = ${i};\nEND\n$$;\n`;
    case 4:
      return portable
        ? `INSERT INTO "${t}" (id, note) VALUES (${i}, 'C:\\dir\\'), (${i + 1}, 'semi; colon');\n`
        : `INSERT INTO "${t}" (id, note) VALUES (${i}, E'it\\'s; escaped\\\\'), (${i + 1}, 'C:\\dir\\');\n`;
    case 5:
      return portable
        ? `/* comment; ${i} */\nUPDATE "${t}" SET note = note || ';' WHERE id = ${i};\n`
        : `/* outer /* nested; ${i} */ still comment; */\nUPDATE "${t}" SET note = note || ';' WHERE id = ${i};\n`;
    case 6:
      return `COMMENT ON TABLE "${t}" IS 'table; for ${t}';\nCREATE INDEX CONCURRENTLY idx_${t} ON "${t}" (created_at);\n`;
    default:
      return `SELECT id, "Name" FROM "${t}"\n WHERE note <> ''\n   AND created_at > now() - interval '1 day';\n`;
  }
}

const CHUNKS = { mysql: mysqlChunk, postgresql: postgresChunk };

/** A script of at least `bytes` UTF-16 units in `dialect` ('mysql' | 'postgresql'). */
export function generateScript(dialect, bytes, { seed = 1, portable = false } = {}) {
  const random = seededRandom(seed);
  const chunk = CHUNKS[dialect];
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = chunk(random, i, portable);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}
