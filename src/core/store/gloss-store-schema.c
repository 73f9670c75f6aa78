/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The project's schema: migrations[N] takes a project from version N to
 * N + 1 (0 is a new file), and gloss_store_migrate () brings one to
 * GLOSS_STORE_SCHEMA_VERSION. Each step's comment says why the schema is
 * as it is. Opening decides when to migrate (gloss-store-file.c). */

#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include "gloss-store-private.h"

static const char * const migrations[] = {
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  length INTEGER NOT NULL CHECK (length >= 0),"
  "  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-progress', 'done')),"
  "  source TEXT NOT NULL DEFAULT '',"
  "  span_count INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE TABLE labels ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  color TEXT NOT NULL,"
  "  hotkey TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE spans ("
  "  id INTEGER PRIMARY KEY,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  label INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL CHECK (start >= 0),"
  "  end INTEGER NOT NULL CHECK (end > start),"
  "  annotator TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_by_status ON documents (status);"
  "CREATE INDEX spans_by_document ON spans (document, start);"
  "CREATE INDEX spans_by_label ON spans (label);"
  /* The list shows a count and a status per document; keeping them in the row
   * lets a project of many documents list without counting spans. The first
   * span makes a new document "in progress". */
  "CREATE TRIGGER spans_after_insert AFTER INSERT ON spans BEGIN"
  "  UPDATE documents SET span_count = span_count + 1,"
  "    status = CASE status WHEN 'new' THEN 'in-progress' ELSE status END,"
  "    modified = NEW.modified"
  "  WHERE id = NEW.document;"
  "END;"
  "CREATE TRIGGER spans_after_delete AFTER DELETE ON spans BEGIN"
  "  UPDATE documents SET span_count = span_count - 1 WHERE id = OLD.document;"
  "END;",

  /* 1 -> 2: the texts move to a table of their own. A document's row
   * changes with every span (its count, its status); with the text in it,
   * SQLite rewrote the whole text each time, megabytes per span on a long
   * document. And a full-text index over the texts, so that a search across
   * a large project reads only the documents that can match; it indexes the
   * texts in place (no second copy) and follows them through triggers. */
  "CREATE TABLE document_texts ("
  "  document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL"
  ");"
  "INSERT INTO document_texts (document, text) SELECT id, text FROM documents;"
  "ALTER TABLE documents DROP COLUMN text;"
  /* An import looks documents up by name to merge into them; a document's
   * spans are read in reading order, which this index gives without a sort. */
  "CREATE INDEX documents_by_name ON documents (name);"
  "CREATE INDEX spans_in_order ON spans (document, start, end DESC, id);"
  "DROP INDEX spans_by_document;"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  text, content = 'document_texts', content_rowid = 'document',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
  "CREATE TRIGGER document_texts_after_insert AFTER INSERT ON document_texts BEGIN"
  "  INSERT INTO documents_fts (rowid, text) VALUES (NEW.document, NEW.text);"
  "END;"
  "CREATE TRIGGER document_texts_after_delete AFTER DELETE ON document_texts BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', OLD.document, OLD.text);"
  "END;"
  "CREATE TRIGGER document_texts_after_update AFTER UPDATE ON document_texts BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text) VALUES ('delete', OLD.document, OLD.text);"
  "  INSERT INTO documents_fts (rowid, text) VALUES (NEW.document, NEW.text);"
  "END;",

  /* 2 -> 3: texts can wait for the full-text index. Tokenizing was half of
   * an import's time; an import now lists its texts in unindexed_texts,
   * gloss_store_index_texts () indexes them later, a few at a time, and a
   * search reads the texts still listed itself. The index's content is
   * the texts that are not listed (indexed_texts), so that it always
   * matches its content exactly, as FTS5's integrity check wants. The
   * triggers keep it so: a listed text is not in the index, so deleting
   * or changing one must not take it out (an FTS5 'delete' of a text that
   * was never indexed damages an external-content index). */
  "CREATE TABLE unindexed_texts ("
  "  document INTEGER PRIMARY KEY"
  ");"
  "CREATE VIEW indexed_texts AS SELECT document, text FROM document_texts "
  "  WHERE document NOT IN (SELECT document FROM unindexed_texts);"
  "DROP TRIGGER document_texts_after_insert;"
  "DROP TRIGGER document_texts_after_delete;"
  "DROP TRIGGER document_texts_after_update;"
  "DROP TABLE documents_fts;"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  text, content = 'indexed_texts', content_rowid = 'document',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');"
  "CREATE TRIGGER document_texts_after_insert AFTER INSERT ON document_texts "
  "WHEN NOT EXISTS (SELECT 1 FROM unindexed_texts WHERE document = NEW.document) BEGIN"
  "  INSERT INTO documents_fts (rowid, text) VALUES (NEW.document, NEW.text);"
  "END;"
  "CREATE TRIGGER document_texts_after_delete AFTER DELETE ON document_texts BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text)"
  "    SELECT 'delete', OLD.document, OLD.text"
  "    WHERE NOT EXISTS (SELECT 1 FROM unindexed_texts WHERE document = OLD.document);"
  "  DELETE FROM unindexed_texts WHERE document = OLD.document;"
  "END;"
  "CREATE TRIGGER document_texts_after_update AFTER UPDATE ON document_texts BEGIN"
  "  INSERT INTO documents_fts (documents_fts, rowid, text)"
  "    SELECT 'delete', OLD.document, OLD.text"
  "    WHERE NOT EXISTS (SELECT 1 FROM unindexed_texts WHERE document = OLD.document);"
  "  UPDATE unindexed_texts SET document = NEW.document WHERE document = OLD.document;"
  "  INSERT INTO documents_fts (rowid, text)"
  "    SELECT NEW.document, NEW.text"
  "    WHERE NOT EXISTS (SELECT 1 FROM unindexed_texts WHERE document = NEW.document);"
  "END;",

  /* 3 -> 4: relations between spans, span attributes and document
   * categories. The store deletes (and journals) a span's relations and
   * attribute values itself before the span, so that one undo brings all
   * of it back; the cascades only keep the file whole should anything
   * else delete rows. Each table that references another has an index on
   * that column: SQLite checks the references of every row deleted, and
   * without one, deleting a span would read every relation. A relation
   * is indexed by document (a document's relations are read with its
   * spans) and by each of its spans; one with the same label between the
   * same two spans is the same relation, once. A choice attribute's
   * values are one text, a value a line (values are names, never lines). */
  "CREATE TABLE relation_labels ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  color TEXT NOT NULL,"
  "  hotkey TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  directed INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE relations ("
  "  id INTEGER PRIMARY KEY,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  label INTEGER NOT NULL REFERENCES relation_labels (id) ON DELETE CASCADE,"
  "  from_span INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,"
  "  to_span INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,"
  "  annotator TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  CHECK (from_span != to_span)"
  ");"
  "CREATE INDEX relations_by_document ON relations (document);"
  "CREATE UNIQUE INDEX relations_by_from_span ON relations (from_span, to_span, label);"
  "CREATE INDEX relations_by_to_span ON relations (to_span);"
  "CREATE INDEX relations_by_label ON relations (label);"
  "CREATE TABLE attributes ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('flag', 'choice', 'text')),"
  "  choices TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE attribute_labels ("
  "  attribute INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,"
  "  label INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (attribute, label)"
  ") WITHOUT ROWID;"
  "CREATE INDEX attribute_labels_by_label ON attribute_labels (label);"
  "CREATE TABLE span_attributes ("
  "  span INTEGER NOT NULL REFERENCES spans (id) ON DELETE CASCADE,"
  "  attribute INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (span, attribute)"
  ") WITHOUT ROWID;"
  "CREATE INDEX span_attributes_by_attribute ON span_attributes (attribute);"
  "CREATE TABLE category_sets ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  multiple INTEGER NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1)),"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  category_set INTEGER NOT NULL REFERENCES category_sets (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  hotkey TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL,"
  "  UNIQUE (category_set, name)"
  ");"
  "CREATE TABLE document_categories ("
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  category INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (document, category)"
  ") WITHOUT ROWID;"
  "CREATE INDEX document_categories_by_category ON document_categories (category);",

  /* 4 -> 5: discontinuous spans. A span of several stretches of text
   * (brat's "0 5;12 20") is a group of ordinary spans, its parts: the
   * first (lowest start) is the span, the others name it in part_of. So
   * every reader of spans that knows nothing of groups still sees each
   * part as a span of its own, and the column is all the schema needs. The
   * store deletes the parts before the first, journaled, so that the
   * cascade is only a safety net; the index makes finding a group's parts,
   * and the check of each deleted span's parts, cheap. */
  "ALTER TABLE spans ADD COLUMN part_of INTEGER REFERENCES spans (id) ON DELETE CASCADE;"
  "CREATE INDEX spans_by_part_of ON spans (part_of) WHERE part_of IS NOT NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == GLOSS_STORE_SCHEMA_VERSION);

/* The first statement that reads the project: the one that waits, once,
 * for another program's lock. */
gboolean
gloss_store_query_header (GlossStore  *self,
                          guint32     *application_id,
                          gint64      *version,
                          GError     **error)
{
  sqlite3_stmt *stmt = gloss_store_prepare (self, "SELECT application_id, user_version "
                                                  "FROM pragma_application_id, "
                                                  "pragma_user_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      gloss_store_set_sqlite_error (self, error, rc);
      return FALSE;
    }
  *application_id = (guint32) sqlite3_column_int64 (stmt, 0);
  *version = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  return TRUE;
}

/* Brings the schema to GLOSS_STORE_SCHEMA_VERSION in one transaction. An
 * existing project has been copied to NAME.gloss.bak before. */
gboolean
gloss_store_migrate (GlossStore  *self,
                     GError     **error)
{
  g_autoptr(GlossStoreTransaction) tx = NULL;
  g_autofree char *sql = NULL;
  guint32 application_id;
  gint64 version;

  tx = gloss_store_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  /* Another process may have migrated it meanwhile. */
  if (!gloss_store_query_header (self, &application_id, &version, error))
    return FALSE;
  if (version == GLOSS_STORE_SCHEMA_VERSION)
    return gloss_store_transaction_commit (&tx, error);

  for (gint64 v = version; v < GLOSS_STORE_SCHEMA_VERSION; v++)
    {
      if (!gloss_store_exec (self, migrations[v], error))
        return FALSE;
    }

  sql = g_strdup_printf ("PRAGMA user_version = %d", GLOSS_STORE_SCHEMA_VERSION);
  if (!gloss_store_exec (self, sql, error))
    return FALSE;

  return gloss_store_transaction_commit (&tx, error);
}
