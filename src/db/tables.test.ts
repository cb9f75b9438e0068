/**
 * The Kysely table types are written by hand next to the migrations; this test holds them to the
 * migrated database, so a migration that adds, drops or changes the nullability of a column fails
 * here until `src/db/tables/` says the same. It reads the types with the TypeScript checker.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import ts from 'typescript';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/support/database.js';
import { projectPath } from '../paths.js';

interface Column {
  /** Whether it may read as null; undefined where that cannot be told (see below). */
  nullable: boolean | undefined;
}

/** Each table in the `Tables` map, with its columns and whether each may read as null. */
function declaredTables(): Map<string, Map<string, Column>> {
  const program = ts.createProgram([projectPath('src/db/tables.ts')], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(projectPath('src/db/tables.ts'));
  assert.ok(file, 'src/db/tables.ts is read');
  const tablesNode = file.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Tables',
  );
  assert.ok(tablesNode, 'src/db/tables.ts declares the Tables map');
  const tables = new Map<string, Map<string, Column>>();
  for (const table of checker.getTypeAtLocation(tablesNode).getProperties()) {
    const columns = new Map<string, Column>();
    const rowType = checker.getTypeOfSymbolAtLocation(table, tablesNode);
    for (const column of rowType.getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(column, tablesNode);
      // Generated<T> and ColumnType<S, I, U> read as their __select__ type.
      const selected = type.getProperty('__select__');
      if (selected) type = checker.getTypeOfSymbolAtLocation(selected, tablesNode);
      // `unknown` (a JSON column read as is) says nothing either way.
      const admitsNull = (t: ts.Type) => (t.flags & ts.TypeFlags.Null) !== 0;
      const nullable =
        (type.flags & ts.TypeFlags.Unknown) !== 0
          ? undefined
          : type.isUnion()
            ? type.types.some(admitsNull)
            : admitsNull(type);
      columns.set(column.name, { nullable });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

describe(`the table types match the migrated ${testDatabaseKind} database`, () => {
  let t: TestDatabase;
  let inDatabase: Map<string, Map<string, Column>>;
  let declared: Map<string, Map<string, Column>>;

  before(async () => {
    t = await createTestDatabase();
    const { rows } = await sql<{ table_name: string; column_name: string; nullable: boolean | null }>`
      select c.table_name, c.column_name,
        -- A generated column reads as nullable here whatever its expression gives, so only the
        -- types can say (a search vector of a required body is never null).
        case when c.is_generated = 'ALWAYS' then null else c.is_nullable = 'YES' end as nullable
      from information_schema.columns c
        join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
      where c.table_schema = current_schema() and tb.table_type = 'BASE TABLE'`.execute(t.database.db);
    inDatabase = new Map();
    for (const row of rows) {
      const columns = inDatabase.get(row.table_name) ?? new Map<string, Column>();
      columns.set(row.column_name, { nullable: row.nullable ?? undefined });
      inDatabase.set(row.table_name, columns);
    }
    declared = declaredTables();
  });
  after(() => t.dispose());

  it('declares every table the migrations make, and no other', () => {
    assert.ok(inDatabase.size > 40, `only ${inDatabase.size} tables found`);
    assert.deepEqual([...declared.keys()].sort(), [...inDatabase.keys()].sort());
  });

  it('declares each table’s columns, each nullable exactly when the database lets it be null', () => {
    const differences: string[] = [];
    for (const [table, columns] of inDatabase) {
      const types = declared.get(table);
      if (!types) continue; // reported by the test above
      for (const [name, column] of columns) {
        const type = types.get(name);
        if (!type) differences.push(`${table}.${name} is in the database but not the types`);
        else if (
          type.nullable !== undefined &&
          column.nullable !== undefined &&
          type.nullable !== column.nullable
        )
          differences.push(
            `${table}.${name} is ${column.nullable ? '' : 'not '}nullable in the database but ${type.nullable ? '' : 'not '}in the types`,
          );
      }
      for (const name of types.keys()) {
        if (!columns.has(name)) differences.push(`${table}.${name} is in the types but not the database`);
      }
    }
    assert.deepEqual(differences, []);
  });
});
