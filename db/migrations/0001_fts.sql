-- Custom migration: the embedded full-text index (FTS5) over search_documents, kept in step by triggers so every
-- write is searchable inside the same transaction. German folding (ä→ae, ö→oe, ü→ue, ß→ss) happens here on the
-- index side and in app/services/search/fold.ts on the query side; unicode61 does case folding and strips other
-- diacritics. The FTS table is contentless (snippets are built from search_documents); search_fts_keys gives every
-- document a stable integer rowid (search_documents has a text key, whose implicit rowid VACUUM may renumber).
-- The `tags` column carries filter tokens (xqt<typ>, xqv<visibility>, xqf<handlungsfeld>) so viewer, typ and feld
-- filters run inside the FTS query itself.
CREATE TABLE search_fts_keys (rid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE);
--> statement-breakpoint
CREATE TABLE search_meta (k TEXT PRIMARY KEY NOT NULL, v INTEGER NOT NULL);
--> statement-breakpoint
INSERT INTO search_meta (k, v) VALUES ('gen', 0);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts USING fts5(title, summary, headings, kurz, body, tags, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row');
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_ai AFTER INSERT ON search_documents BEGIN
  INSERT OR IGNORE INTO search_fts_keys (doc_id) VALUES (new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), 'xqt' || new.typ || ' xqv' || new.visibility || ' ' || coalesce((SELECT group_concat('xqf' || replace(value, '-', ''), ' ') FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), ''));
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_ad AFTER DELETE ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = old.id);
  DELETE FROM search_fts_keys WHERE doc_id = old.id;
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_au AFTER UPDATE ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = old.id);
  DELETE FROM search_fts_keys WHERE doc_id = old.id;
  INSERT OR IGNORE INTO search_fts_keys (doc_id) VALUES (new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), 'xqt' || new.typ || ' xqv' || new.visibility || ' ' || coalesce((SELECT group_concat('xqf' || replace(value, '-', ''), ' ') FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), ''));
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
INSERT INTO search_fts_keys (doc_id) SELECT id FROM search_documents ORDER BY id;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
SELECT k.rid, replace(replace(replace(replace(replace(replace(replace(replace(d.title,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.summary,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.headings,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.kurz,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.body,'ä','ae'),'Ä','Ae'),'ö','oe'),'Ö','Oe'),'ü','ue'),'Ü','Ue'),'ß','ss'),'ẞ','SS'), 'xqt' || d.typ || ' xqv' || d.visibility || ' ' || coalesce((SELECT group_concat('xqf' || replace(value, '-', ''), ' ') FROM json_each(CASE WHEN json_valid(d.handlungsfelder) THEN d.handlungsfelder ELSE '[]' END)), '')
FROM search_documents d JOIN search_fts_keys k ON k.doc_id = d.id;

--> statement-breakpoint
-- Custom migration: facet and filter data move into the FTS rowid, so viewer/typ/feld filters and facet counts
-- run inside the FTS query without any join or content read (100,000 documents, p95 ≤ 30 ms):
--   rid = (sequence << 10) | (handlungsfelder bitmask << 4) | (typ index << 1) | (visibility: 0 public, 1 members)
-- typ index: wissen 0, foerderung 1, forum 2, projekt 3, stadt 4; feld bits: gesundheit 1, soziales-miteinander 2,
-- wohnen 4, arbeitsmarkt 8, kinder-bildung 16, zusammenarbeit 32 (app/services/search/fts.server.ts must match).
-- A document gets a new rid whenever it changes. The `tags` column is no longer filled.
DROP TRIGGER IF EXISTS search_documents_fts_ai;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_fts_ad;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_fts_au;
--> statement-breakpoint
INSERT INTO search_fts(search_fts) VALUES('delete-all');
--> statement-breakpoint
DELETE FROM search_fts_keys;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_ai AFTER INSERT ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = new.id);
  DELETE FROM search_fts_keys WHERE doc_id = new.id;
  INSERT INTO search_fts_keys (rid, doc_id) VALUES (((((SELECT coalesce(max(rid), 0) FROM search_fts_keys) >> 10) + 1) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE new.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 ELSE 7 END) << 1) | (CASE new.visibility WHEN 'public' THEN 0 ELSE 1 END)), new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '');
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_ad AFTER DELETE ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = old.id);
  DELETE FROM search_fts_keys WHERE doc_id = old.id;
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_au AFTER UPDATE ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = old.id);
  DELETE FROM search_fts_keys WHERE doc_id = old.id;
  INSERT INTO search_fts_keys (rid, doc_id) VALUES (((((SELECT coalesce(max(rid), 0) FROM search_fts_keys) >> 10) + 1) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE new.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 ELSE 7 END) << 1) | (CASE new.visibility WHEN 'public' THEN 0 ELSE 1 END)), new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '');
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
INSERT INTO search_fts_keys (rid, doc_id)
SELECT ((row_number() OVER (ORDER BY d.id)) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(d.handlungsfelder) THEN d.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE d.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 ELSE 7 END) << 1) | (CASE d.visibility WHEN 'public' THEN 0 ELSE 1 END)), d.id FROM search_documents d;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
SELECT k.rid, replace(replace(replace(replace(replace(replace(replace(replace(d.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), ''
FROM search_documents d JOIN search_fts_keys k ON k.doc_id = d.id;
--> statement-breakpoint
UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
