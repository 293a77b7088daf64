-- Review cycles (issue 13): entries imported before the intervals existed get pruefen_bis = stand + interval
-- (app/utils/review.ts REVIEW_INTERVAL_MONTHS). Only rows without a pruefen_bis; safe to apply once after the
-- owner columns exist. SQLite's date(..., '+N months') may roll over at month ends (31.08. + 6 months → 03.03.).
UPDATE `articles` SET `pruefen_bis` = date(`stand`, CASE `type`
  WHEN 'praxis' THEN '+12 months'
  WHEN 'checkliste' THEN '+6 months'
  WHEN 'fakten' THEN '+12 months'
  WHEN 'glossar' THEN '+24 months'
  WHEN 'faq' THEN '+12 months'
  WHEN 'loesungsszenario' THEN '+24 months'
  ELSE '+12 months' END)
WHERE `pruefen_bis` IS NULL AND `stand` IS NOT NULL AND date(`stand`) IS NOT NULL;
--> statement-breakpoint
UPDATE `programmes` SET `pruefen_bis` = date(`stand`, '+6 months')
WHERE `pruefen_bis` IS NULL AND `stand` IS NOT NULL AND date(`stand`) IS NOT NULL;
