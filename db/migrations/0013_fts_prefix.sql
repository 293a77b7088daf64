-- Custom migration: FTS5 prefix indexes for 2- to 6-character prefixes (decision 001, revision 2026-12-04 b). With
-- prefix='2 3' a query like "komm"* or "haus"* merged the doclists of every indexed word with that start on each MATCH
-- (thousands at 100,000 documents); a prefix index holds that doclist ready. search_fts is contentless, so it is
-- rebuilt exactly as in 0011_fts_linguistik.sql (triggers, vocabulary table, repopulation from search_documents and
-- search_fts_keys); only the prefix option differs. The synonym seed of 0011 is not repeated.
DROP TRIGGER IF EXISTS search_documents_fts_ai;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_fts_ad;
--> statement-breakpoint
DROP TRIGGER IF EXISTS search_documents_fts_au;
--> statement-breakpoint
DROP TABLE IF EXISTS search_fts_vocab;
--> statement-breakpoint
DROP TABLE IF EXISTS search_fts;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts USING fts5(title, summary, headings, kurz, body, tags, lx, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row');
--> statement-breakpoint
CREATE TRIGGER search_documents_fts_ai AFTER INSERT ON search_documents BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid FROM search_fts_keys WHERE doc_id = new.id);
  DELETE FROM search_fts_keys WHERE doc_id = new.id;
  INSERT INTO search_fts_keys (rid, doc_id) VALUES (((((SELECT coalesce(max(rid), 0) FROM search_fts_keys) >> 10) + 1) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE new.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 WHEN 'ankommen' THEN 5 WHEN 'dokument' THEN 6 WHEN 'forderung' THEN 7 ELSE 7 END) << 1) | (CASE new.visibility WHEN 'public' THEN 0 ELSE 1 END)), new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags, lx)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '', new.lingua);
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
  INSERT INTO search_fts_keys (rid, doc_id) VALUES (((((SELECT coalesce(max(rid), 0) FROM search_fts_keys) >> 10) + 1) << 10) | ((coalesce((SELECT sum(DISTINCT CASE value WHEN 'gesundheit' THEN 1 WHEN 'soziales-miteinander' THEN 2 WHEN 'wohnen' THEN 4 WHEN 'arbeitsmarkt' THEN 8 WHEN 'kinder-bildung' THEN 16 WHEN 'zusammenarbeit' THEN 32 ELSE 0 END) FROM json_each(CASE WHEN json_valid(new.handlungsfelder) THEN new.handlungsfelder ELSE '[]' END)), 0) << 4) | ((CASE new.typ WHEN 'wissen' THEN 0 WHEN 'foerderung' THEN 1 WHEN 'forum' THEN 2 WHEN 'projekt' THEN 3 WHEN 'stadt' THEN 4 WHEN 'ankommen' THEN 5 WHEN 'dokument' THEN 6 WHEN 'forderung' THEN 7 ELSE 7 END) << 1) | (CASE new.visibility WHEN 'public' THEN 0 ELSE 1 END)), new.id);
  INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags, lx)
  VALUES ((SELECT rid FROM search_fts_keys WHERE doc_id = new.id), replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '', new.lingua);
  UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
END;
--> statement-breakpoint
INSERT INTO search_fts (rowid, title, summary, headings, kurz, body, tags, lx)
SELECT k.rid, replace(replace(replace(replace(replace(replace(replace(replace(d.title, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.summary, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.headings, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.kurz, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), replace(replace(replace(replace(replace(replace(replace(replace(d.body, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss'), 'ẞ', 'SS'), '', d.lingua
FROM search_documents d JOIN search_fts_keys k ON k.doc_id = d.id;
--> statement-breakpoint
UPDATE search_meta SET v = v + 1 WHERE k = 'gen';
