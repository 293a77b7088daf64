-- Custom migration: two more search types in the FTS rowid bits (see 0001_fts.sql): dokument (6, uploaded files) and
-- forderung (7, the alliance's demands). Only the insert/update triggers change; no rows of these types exist yet.
DROP TRIGGER IF EXISTS search_documents_fts_ai;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_fts_au;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_ai AFTER INSERT ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = new.id);
  DELETE FROM search_fts_keys WHERE doc_id = new.id;
  INSERT INTO search_fts_keys (rid, doc_id) VALUES (((((SELECT coalesce(max(rid), 0) FROM search_fts_keys) >> 10) + 1) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE new.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 WHEN 'ankommen' THEN 5 WHEN 'dokument' THEN 6 WHEN 'forderung' THEN 7 ELSE 7 END) << 1) | (CASE new.visibility WHEN 'public' THEN 0 ELSE 1 END)), new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '');
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_au AFTER UPDATE ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = old.id);
  DELETE FROM search_fts_keys WHERE doc_id = old.id;
  INSERT INTO search_fts_keys (rid, doc_id) VALUES (((((SELECT coalesce(max(rid), 0) FROM search_fts_keys) >> 10) + 1) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE new.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 WHEN 'ankommen' THEN 5 WHEN 'dokument' THEN 6 WHEN 'forderung' THEN 7 ELSE 7 END) << 1) | (CASE new.visibility WHEN 'public' THEN 0 ELSE 1 END)), new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '');
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
