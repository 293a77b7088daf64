-- Custom migration: the key figures of the first release (table city_figures, one row per figure, the qualifier
-- hidden in the unit text such as "% (über 70 %)") move into the dated series table city_figure_values.
-- Rows whose unit carried the source's words get the matching qualifier; "über die Hälfte" keeps its words as
-- display text. The age shares of the Handlungsrahmen carry no reference date in the paper, so theirs is removed.
-- Afterwards the legacy table is emptied (it stays, unused, so the migration is additive).
INSERT INTO `city_figure_values` (`city_id`, `indicator`, `district`, `value`, `qualifier`, `display_text`, `as_of`, `source`, `note`)
SELECT
  `city_id`,
  CASE
    WHEN `key` = 'anteil-nordstadt' OR `key` LIKE 'anteil-stadtteil-%' THEN 'anteil-stadtteil'
    ELSE `key`
  END,
  CASE
    WHEN `key` = 'anteil-nordstadt' THEN 'Nordstadt'
    WHEN `key` LIKE 'anteil-stadtteil-%' AND `label` LIKE 'Anteil in %' THEN substr(`label`, 11)
    WHEN `key` LIKE 'anteil-stadtteil-%' THEN `label`
    ELSE NULL
  END,
  `value`,
  CASE
    WHEN `unit` LIKE '%(etwas über%' THEN 'etwas-ueber'
    WHEN `unit` LIKE '%(über%' THEN 'ueber'
    WHEN `unit` LIKE '%(mehr als%' THEN 'mehr-als'
    WHEN `approximate` = 1 THEN 'etwa'
    ELSE 'genau'
  END,
  CASE WHEN `unit` LIKE '%(über die Hälfte)%' THEN 'über die Hälfte' ELSE NULL END,
  CASE
    WHEN `source` LIKE 'Handlungsrahmen%' AND `key` IN ('anteil-15-45', 'kinderanteil-bg', 'kinderanteil-ro', 'anteil-unter-15-bg', 'anteil-unter-15-ro') THEN NULL
    ELSE `as_of`
  END,
  `source`,
  ''
FROM `city_figures`
ORDER BY `city_id`, `sort`, `id`;
--> statement-breakpoint
DELETE FROM `city_figures`;
