-- Custom migration: German linguistics in the FTS5 index (decision 001, revision). search_fts gets a seventh column
-- `lx` with the normalised token stream computed in JS at upsert time (app/services/search/lingua.ts, stored in
-- search_documents.lingua): Snowball German stems and compound parts, each marked with "0". The triggers copy it;
-- everything else stays as in 0007_fts_types.sql. Existing rows keep an empty lingua until they are written again
-- or `npm run search:reindex` runs (reindexAll computes it). The synonym table is seeded from the glossary
-- (content/wissen/glossar-*.md titles "ABK – Langform") plus a hand list.
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
CREATE VIRTUAL TABLE search_fts USING fts5(title, summary, headings, kurz, body, tags, lx, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
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
--> statement-breakpoint
INSERT INTO search_synonyms (terms, note) VALUES
('["KV", "Krankenversicherung"]', 'Abkürzung'),
('["GKV", "gesetzliche Krankenversicherung"]', 'Abkürzung'),
('["PKV", "private Krankenversicherung"]', 'Abkürzung'),
('["SGB II", "Bürgergeld", "Grundsicherung", "Grundsicherung für Arbeitsuchende", "ALG II", "Arbeitslosengeld II", "Hartz IV"]', 'Glossar: SGB II'),
('["SGB XII", "Sozialhilfe"]', 'Glossar: SGB XII'),
('["BuT", "Bildung und Teilhabe", "Bildungs- und Teilhabepaket"]', 'Abkürzung'),
('["EHIC", "Europäische Krankenversicherungskarte"]', 'Glossar: EHIC'),
('["ESF", "Europäischer Sozialfonds"]', 'Glossar: ESF'),
('["ESF+", "ESF Plus", "Europäischer Sozialfonds Plus"]', 'Abkürzung'),
('["EFRE", "Europäischer Fonds für regionale Entwicklung"]', 'Glossar: EFRE'),
('["EHAP", "Europäischer Hilfsfonds für die am stärksten benachteiligten Personen"]', 'Glossar: EHAP'),
('["BAMF", "Bundesamt für Migration und Flüchtlinge"]', 'Glossar: BAMF'),
('["ITI", "Integrierte Territoriale Investition"]', 'Glossar: ITI'),
('["Kita", "Kindertagesstätte", "Kindertageseinrichtung"]', 'Abkürzung'),
('["U-Untersuchung", "Vorsorgeuntersuchung"]', 'Abkürzung'),
('["EU", "Europäische Union"]', 'Abkürzung'),
('["Zuwanderer", "Zugewanderte"]', 'Glossar: Zuwanderer'),
('["Vorbereitungsklasse", "Auffangklasse"]', 'Glossar: Vorbereitungsklasse');
