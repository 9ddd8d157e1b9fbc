WITH given AS (
  SELECT
    "seller_id" AS "seller_id",
    COALESCE("region", 'US') AS "region",
    CAST("orders" AS TEXT) AS "t_orders",
    CAST("late" AS TEXT) AS "t_late",
    CAST("base" AS TEXT) AS "t_base"
  FROM metrics
), read AS (
  SELECT
    "seller_id",
    "region",
    "t_orders",
    "t_late",
    "t_base",
    CASE
      WHEN (
        (
          (
            REGEXP_MATCHES("t_orders", '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
          )
          AND (
            CASE
              WHEN REGEXP_MATCHES("t_orders", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
              THEN 0
              ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_orders", '\.([0-9]+)', 1), '0')) - (
                COALESCE(
                  TRY_CAST(NULLIF(REGEXP_EXTRACT("t_orders", '[eE]([-+]?[0-9]+)$', 1), '') AS INT),
                  0
                )
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST("t_orders" AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST("t_orders" AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST("t_orders" AS DECIMAL(38, 0))
    END AS "v_orders",
    CASE
      WHEN (
        (
          (
            REGEXP_MATCHES("t_late", '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
          )
          AND (
            CASE
              WHEN REGEXP_MATCHES("t_late", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
              THEN 0
              ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_late", '\.([0-9]+)', 1), '0')) - (
                COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT("t_late", '[eE]([-+]?[0-9]+)$', 1), '') AS INT), 0)
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST("t_late" AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST("t_late" AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST("t_late" AS DECIMAL(38, 0))
    END AS "v_late",
    CASE
      WHEN (
        (
          (
            REGEXP_MATCHES("t_base", '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
          )
          AND (
            CASE
              WHEN REGEXP_MATCHES("t_base", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
              THEN 0
              ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_base", '\.([0-9]+)', 1), '0')) - (
                COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT("t_base", '[eE]([-+]?[0-9]+)$', 1), '') AS INT), 0)
              )
            END <= 18
          )
        )
        AND NOT (
          TRY_CAST("t_base" AS DECIMAL(38, 18)) IS NULL
        )
      )
      AND (
        ABS(TRY_CAST("t_base" AS DECIMAL(38, 18))) < CAST('1e18' AS DECIMAL(38, 18))
      )
      THEN TRY_CAST("t_base" AS DECIMAL(38, 18))
    END AS "v_base"
  FROM given
), checked AS (
  SELECT
    *,
    CASE
      WHEN NOT "region" IN ('US')
      THEN {'code': 'E607', 'key': 'region', 'message': 'unknown region `' || (
        "region" || '`; this policy has US'
      )}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND "t_orders" IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN {'code': 'E603', 'key': 'orders', 'message': 'expected a count (a whole number, 0 or more), got ' || CASE
        WHEN "t_orders" = 'nan'
        THEN 'NaN'
        WHEN "t_orders" = 'NaN'
        THEN 'NaN'
        WHEN "t_orders" = '-nan'
        THEN 'NaN'
        WHEN "t_orders" = 'inf'
        THEN 'Infinity'
        WHEN "t_orders" = 'Infinity'
        THEN 'Infinity'
        WHEN "t_orders" = '-inf'
        THEN '-Infinity'
        WHEN "t_orders" = '-Infinity'
        THEN '-Infinity'
        WHEN "t_orders" = 'sNaN'
        THEN 'sNaN'
        WHEN "t_orders" = '-NaN'
        THEN '-NaN'
        WHEN "t_orders" = '-sNaN'
        THEN '-sNaN'
      END}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND NOT (
        REGEXP_MATCHES("t_orders", '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
      )
      THEN {'code': 'E602', 'key': 'orders', 'message': 'expected a count (a whole number, 0 or more), got ' || CASE
        WHEN SUBSTRING("t_orders", 1, 1) = '"'
        THEN 'the string "' || (
          CASE
            WHEN LENGTH(SUBSTRING("t_orders", 2, LENGTH("t_orders") - 2)) > 20
            THEN SUBSTRING(SUBSTRING("t_orders", 2, LENGTH("t_orders") - 2), 1, 17) || '...'
            ELSE SUBSTRING("t_orders", 2, LENGTH("t_orders") - 2)
          END || '"'
        )
        WHEN SUBSTRING("t_orders", 1, 1) = '['
        THEN 'a list'
        WHEN SUBSTRING("t_orders", 1, 1) = '{'
        THEN 'an object'
        ELSE "t_orders"
      END}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND (
        (
          TRY_CAST("t_orders" AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST("t_orders" AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN {'code': 'E608', 'key': 'orders', 'message': 'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || "t_orders"}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND (
        CASE
          WHEN REGEXP_MATCHES("t_orders", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
          THEN 0
          ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_orders", '\.([0-9]+)', 1), '0')) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT("t_orders", '[eE]([-+]?[0-9]+)$', 1), '') AS INT),
              0
            )
          )
        END > 30
      )
      THEN {'code': 'E608', 'key': 'orders', 'message': 'out of range: a value has at most 30 decimal places, got ' || "t_orders"}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND (
        CASE
          WHEN REGEXP_MATCHES("t_orders", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
          THEN 0
          ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_orders", '\.([0-9]+)', 1), '0')) - (
            COALESCE(
              TRY_CAST(NULLIF(REGEXP_EXTRACT("t_orders", '[eE]([-+]?[0-9]+)$', 1), '') AS INT),
              0
            )
          )
        END > 18
      )
      THEN {'code': 'E608', 'key': 'orders', 'message': 'out of range: in SQL a value has at most 18 decimal places, got ' || "t_orders"}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND (
        TRY_CAST("t_orders" AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN {'code': 'E604', 'key': 'orders', 'message': 'a count cannot be negative, got ' || "t_orders"}
      WHEN NOT (
        "t_orders" IS NULL
      )
      AND (
        TRY_CAST("t_orders" AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST("t_orders" AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN {'code': 'E605', 'key': 'orders', 'message': 'a count is a whole number, got ' || "t_orders"}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND "t_late" IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN {'code': 'E603', 'key': 'late', 'message': 'expected a count (a whole number, 0 or more), got ' || CASE
        WHEN "t_late" = 'nan'
        THEN 'NaN'
        WHEN "t_late" = 'NaN'
        THEN 'NaN'
        WHEN "t_late" = '-nan'
        THEN 'NaN'
        WHEN "t_late" = 'inf'
        THEN 'Infinity'
        WHEN "t_late" = 'Infinity'
        THEN 'Infinity'
        WHEN "t_late" = '-inf'
        THEN '-Infinity'
        WHEN "t_late" = '-Infinity'
        THEN '-Infinity'
        WHEN "t_late" = 'sNaN'
        THEN 'sNaN'
        WHEN "t_late" = '-NaN'
        THEN '-NaN'
        WHEN "t_late" = '-sNaN'
        THEN '-sNaN'
      END}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND NOT (
        REGEXP_MATCHES("t_late", '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
      )
      THEN {'code': 'E602', 'key': 'late', 'message': 'expected a count (a whole number, 0 or more), got ' || CASE
        WHEN SUBSTRING("t_late", 1, 1) = '"'
        THEN 'the string "' || (
          CASE
            WHEN LENGTH(SUBSTRING("t_late", 2, LENGTH("t_late") - 2)) > 20
            THEN SUBSTRING(SUBSTRING("t_late", 2, LENGTH("t_late") - 2), 1, 17) || '...'
            ELSE SUBSTRING("t_late", 2, LENGTH("t_late") - 2)
          END || '"'
        )
        WHEN SUBSTRING("t_late", 1, 1) = '['
        THEN 'a list'
        WHEN SUBSTRING("t_late", 1, 1) = '{'
        THEN 'an object'
        ELSE "t_late"
      END}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND (
        (
          TRY_CAST("t_late" AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST("t_late" AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN {'code': 'E608', 'key': 'late', 'message': 'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || "t_late"}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND (
        CASE
          WHEN REGEXP_MATCHES("t_late", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
          THEN 0
          ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_late", '\.([0-9]+)', 1), '0')) - (
            COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT("t_late", '[eE]([-+]?[0-9]+)$', 1), '') AS INT), 0)
          )
        END > 30
      )
      THEN {'code': 'E608', 'key': 'late', 'message': 'out of range: a value has at most 30 decimal places, got ' || "t_late"}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND (
        CASE
          WHEN REGEXP_MATCHES("t_late", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
          THEN 0
          ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_late", '\.([0-9]+)', 1), '0')) - (
            COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT("t_late", '[eE]([-+]?[0-9]+)$', 1), '') AS INT), 0)
          )
        END > 18
      )
      THEN {'code': 'E608', 'key': 'late', 'message': 'out of range: in SQL a value has at most 18 decimal places, got ' || "t_late"}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND (
        TRY_CAST("t_late" AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN {'code': 'E604', 'key': 'late', 'message': 'a count cannot be negative, got ' || "t_late"}
      WHEN NOT (
        "t_late" IS NULL
      )
      AND (
        TRY_CAST("t_late" AS DECIMAL(38, 18)) <> CAST(FLOOR(TRY_CAST("t_late" AS DECIMAL(38, 18))) AS DECIMAL(38, 18))
      )
      THEN {'code': 'E605', 'key': 'late', 'message': 'a count is a whole number, got ' || "t_late"}
      WHEN NOT (
        "t_base" IS NULL
      )
      AND "t_base" IN (
        'nan',
        'NaN',
        '-nan',
        'inf',
        'Infinity',
        '-inf',
        '-Infinity',
        'sNaN',
        '-NaN',
        '-sNaN'
      )
      THEN {'code': 'E603', 'key': 'base', 'message': 'expected a number (0 or more), got ' || CASE
        WHEN "t_base" = 'nan'
        THEN 'NaN'
        WHEN "t_base" = 'NaN'
        THEN 'NaN'
        WHEN "t_base" = '-nan'
        THEN 'NaN'
        WHEN "t_base" = 'inf'
        THEN 'Infinity'
        WHEN "t_base" = 'Infinity'
        THEN 'Infinity'
        WHEN "t_base" = '-inf'
        THEN '-Infinity'
        WHEN "t_base" = '-Infinity'
        THEN '-Infinity'
        WHEN "t_base" = 'sNaN'
        THEN 'sNaN'
        WHEN "t_base" = '-NaN'
        THEN '-NaN'
        WHEN "t_base" = '-sNaN'
        THEN '-sNaN'
      END}
      WHEN NOT (
        "t_base" IS NULL
      )
      AND NOT (
        REGEXP_MATCHES("t_base", '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
      )
      THEN {'code': 'E602', 'key': 'base', 'message': 'expected a number (0 or more), got ' || CASE
        WHEN SUBSTRING("t_base", 1, 1) = '"'
        THEN 'the string "' || (
          CASE
            WHEN LENGTH(SUBSTRING("t_base", 2, LENGTH("t_base") - 2)) > 20
            THEN SUBSTRING(SUBSTRING("t_base", 2, LENGTH("t_base") - 2), 1, 17) || '...'
            ELSE SUBSTRING("t_base", 2, LENGTH("t_base") - 2)
          END || '"'
        )
        WHEN SUBSTRING("t_base", 1, 1) = '['
        THEN 'a list'
        WHEN SUBSTRING("t_base", 1, 1) = '{'
        THEN 'an object'
        ELSE "t_base"
      END}
      WHEN NOT (
        "t_base" IS NULL
      )
      AND (
        (
          TRY_CAST("t_base" AS DECIMAL(38, 18)) IS NULL
        )
        OR (
          ABS(TRY_CAST("t_base" AS DECIMAL(38, 18))) >= CAST('1e18' AS DECIMAL(38, 18))
        )
      )
      THEN {'code': 'E608', 'key': 'base', 'message': 'out of range: a value must be less than 10^18 in size (at most 18 digits before the decimal point), got ' || "t_base"}
      WHEN NOT (
        "t_base" IS NULL
      )
      AND (
        CASE
          WHEN REGEXP_MATCHES("t_base", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
          THEN 0
          ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_base", '\.([0-9]+)', 1), '0')) - (
            COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT("t_base", '[eE]([-+]?[0-9]+)$', 1), '') AS INT), 0)
          )
        END > 30
      )
      THEN {'code': 'E608', 'key': 'base', 'message': 'out of range: a value has at most 30 decimal places, got ' || "t_base"}
      WHEN NOT (
        "t_base" IS NULL
      )
      AND (
        CASE
          WHEN REGEXP_MATCHES("t_base", '^-?0+(\.0+)?([eE][-+]?[0-9]+)?$')
          THEN 0
          ELSE LENGTH(RTRIM(REGEXP_EXTRACT("t_base", '\.([0-9]+)', 1), '0')) - (
            COALESCE(TRY_CAST(NULLIF(REGEXP_EXTRACT("t_base", '[eE]([-+]?[0-9]+)$', 1), '') AS INT), 0)
          )
        END > 18
      )
      THEN {'code': 'E608', 'key': 'base', 'message': 'out of range: in SQL a value has at most 18 decimal places, got ' || "t_base"}
      WHEN NOT (
        "t_base" IS NULL
      )
      AND (
        TRY_CAST("t_base" AS DECIMAL(38, 18)) < CAST('0' AS DECIMAL(38, 18))
      )
      THEN {'code': 'E604', 'key': 'base', 'message': 'this cannot be negative, got ' || "t_base"}
      WHEN (
        NOT (
          "v_late" IS NULL
        ) AND NOT (
          "v_orders" IS NULL
        )
      )
      AND (
        "v_late" > "v_orders"
      )
      THEN {'code': 'E606', 'key': 'late', 'message': 'late is ' || (
        CAST("v_late" AS TEXT) || (
          ' but orders is ' || (
            CAST("v_orders" AS TEXT) || ': late counts some of the orders, so it cannot be more than orders'
          )
        )
      )}
      ELSE CAST(NULL AS STRUCT(code TEXT, key TEXT, message TEXT))
    END AS "error"
  FROM read
), quotients AS (
  SELECT
    *,
    CASE
      WHEN NOT (
        "v_late" IS NULL
      ) AND (
        "v_orders" > CAST(0 AS DECIMAL(38, 0))
      )
      THEN CAST(CAST("v_late" * CAST(10000 AS DECIMAL(38, 0)) AS INT128) // CAST("v_orders" AS INT128) AS DECIMAL(38, 0))
    END AS "q_R"
  FROM checked
), rests AS (
  SELECT
    *,
    (
      "v_late" * CAST(10000 AS DECIMAL(38, 0))
    ) - (
      "q_R" * "v_orders"
    ) AS "r_R"
  FROM quotients
), hundredths AS (
  SELECT
    *,
    "q_R" + CASE
      WHEN (
        (
          "r_R" * CAST(2 AS DECIMAL(38, 0))
        ) > "v_orders"
      )
      OR (
        (
          (
            "r_R" * CAST(2 AS DECIMAL(38, 0))
          ) = "v_orders"
        )
        AND (
          (
            "q_R" % CAST(2 AS DECIMAL(38, 0))
          ) = CAST(1 AS DECIMAL(38, 0))
        )
      )
      THEN CAST(1 AS DECIMAL(38, 0))
      ELSE CAST(0 AS DECIMAL(38, 0))
    END AS "h_R"
  FROM rests
), shown AS (
  SELECT
    *,
    (
      CASE WHEN "r_R" = CAST(0 AS DECIMAL(38, 0)) THEN '' ELSE '≈' END || (
        CAST(CAST(CAST("h_R" AS INT128) // CAST(CAST(100 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS TEXT) || (
          CASE
            WHEN (
              "h_R" % CAST(100 AS DECIMAL(38, 0))
            ) = CAST(0 AS DECIMAL(38, 0))
            THEN ''
            ELSE '.' || RTRIM(LPAD(CAST("h_R" % CAST(100 AS DECIMAL(38, 0)) AS TEXT), 2, '0'), '0')
          END || '%'
        )
      )
    ) || (
      ' (' || (
        CAST("v_late" AS TEXT) || (
          '/' || (
            CAST("v_orders" AS TEXT) || ')'
          )
        )
      )
    ) AS "s_R",
    CAST("v_orders" AS TEXT) AS "s_orders",
    CAST("v_late" AS TEXT) AS "s_late",
    CASE
      WHEN "v_base" IS NULL
      THEN NULL
      ELSE CASE
        WHEN "v_base" = CAST('0' AS DECIMAL(38, 18))
        THEN '0'
        ELSE RTRIM(RTRIM(CAST("v_base" AS TEXT), '0'), '.')
      END
    END AS "s_base"
  FROM hundredths
), ruled AS (
  SELECT
    *,
    CASE
      WHEN (
        (
          (
            NOT (
              "v_late" IS NULL
            ) AND NOT (
              "v_orders" IS NULL
            )
          )
          AND (
            "v_orders" <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            "v_late" * CAST(10 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * "v_orders"
          )
        )
      )
      AND (
        (
          "v_late" * CAST(2 AS DECIMAL(38, 0))
        ) < (
          CAST(1 AS DECIMAL(38, 0)) * "v_orders"
        )
      )
      THEN CAST({'rule': 'r', 'table': CAST(NULL AS TEXT), 'row': 1, 'points': 0, 'warning': TRUE, 'limit': CAST({'days': 7, 'percent': '33.3', 'basis': 'avg', 'daily_cap': CAST(CAST(CAST(CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(1000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) + CAST(CAST((
        (
          (
            (
              (
                CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0))
              ) % CAST(1000 AS DECIMAL(38, 0))
            ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
          ) + (
            CAST(CAST(CAST("v_base" AS DECIMAL(36, 18)) - FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0))
          )
        ) + CAST(1000000000000000000000 AS DECIMAL(38, 0))
      ) - CAST(1 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(1000000000000000000000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS DECIMAL(38, 0))} AS STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0))), 'measures': CAST([] AS TEXT[]), 'where': 'p.pol:11', 'because': 'R is ' || (
        "s_R" || (
          ': at least 10% and below 50%. Rule r, row 1 (p.pol:11): a warning (0 points) and an order volume limit for 7 days at 33.3% of the avg' || (
            CASE
              WHEN "v_base" IS NULL
              THEN ''
              ELSE ' (at most ' || (
                CAST(CAST(CAST(CAST(CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(1000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) + CAST(CAST((
                  (
                    (
                      (
                        (
                          CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0))
                        ) % CAST(1000 AS DECIMAL(38, 0))
                      ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                    ) + (
                      CAST(CAST(CAST("v_base" AS DECIMAL(36, 18)) - FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0))
                    )
                  ) + CAST(1000000000000000000000 AS DECIMAL(38, 0))
                ) - CAST(1 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(1000000000000000000000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS TEXT) || ' orders a day)'
              )
            END || '.'
          )
        )
      )} AS STRUCT(
        rule TEXT,
        "table" TEXT,
        row INT,
        points INT,
        warning BOOLEAN,
        "limit" STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0)),
        measures TEXT[],
        "where" TEXT,
        because TEXT
      ))
      WHEN (
        (
          (
            (
              NOT (
                "v_late" IS NULL
              ) AND NOT (
                "v_orders" IS NULL
              )
            )
            AND (
              "v_orders" <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              "v_late" * CAST(2 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * "v_orders"
            )
          )
        )
        AND (
          "v_late" >= CAST(3 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                "v_late" IS NULL
              ) AND NOT (
                "v_orders" IS NULL
              )
            )
            AND (
              "v_orders" <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              "v_late" * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * "v_orders"
            )
          )
        )
        AND (
          (
            "v_late" * CAST(2 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * "v_orders"
          )
        )
      )
      THEN CAST({'rule': 'r', 'table': CAST(NULL AS TEXT), 'row': 2, 'points': 2, 'warning': FALSE, 'limit': CAST({'days': 7, 'percent': '1.01', 'basis': 'avg', 'daily_cap': CAST(CAST(CAST(CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(10000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) + CAST(CAST((
        (
          (
            (
              (
                CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0))
              ) % CAST(10000 AS DECIMAL(38, 0))
            ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
          ) + (
            CAST(CAST(CAST("v_base" AS DECIMAL(36, 18)) - FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0))
          )
        ) + CAST(10000000000000000000000 AS DECIMAL(38, 0))
      ) - CAST(1 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(10000000000000000000000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS DECIMAL(38, 0))} AS STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0))), 'measures': CAST([] AS TEXT[]), 'where': 'p.pol:12', 'because': 'R is ' || (
        "s_R" || (
          ': at least 50%; late is ' || (
            "s_late" || (
              ': at least 3. Rule r, row 2 (p.pol:12): 2 points and an order volume limit for 7 days at 1.01% of the avg' || (
                CASE
                  WHEN "v_base" IS NULL
                  THEN ''
                  ELSE ' (at most ' || (
                    CAST(CAST(CAST(CAST(CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(10000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) + CAST(CAST((
                      (
                        (
                          (
                            (
                              CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0))
                            ) % CAST(10000 AS DECIMAL(38, 0))
                          ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                        ) + (
                          CAST(CAST(CAST("v_base" AS DECIMAL(36, 18)) - FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0))
                        )
                      ) + CAST(10000000000000000000000 AS DECIMAL(38, 0))
                    ) - CAST(1 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(10000000000000000000000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS DECIMAL(38, 0)) AS TEXT) || ' orders a day)'
                  )
                END || '.'
              )
            )
          )
        )
      )} AS STRUCT(
        rule TEXT,
        "table" TEXT,
        row INT,
        points INT,
        warning BOOLEAN,
        "limit" STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0)),
        measures TEXT[],
        "where" TEXT,
        because TEXT
      ))
    END AS "violations_0_0",
    CASE
      WHEN (
        (
          NOT (
            "v_late" IS NULL
          ) AND NOT (
            "v_orders" IS NULL
          )
        )
        AND (
          "v_orders" <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          NOT (
            "v_late" IS NULL
          ) AND NOT (
            "v_orders" IS NULL
          )
        )
        AND (
          (
            "v_late" * CAST(10 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * "v_orders"
          )
        )
      )
      THEN CAST({'rule': 'r', 'metric': 'R', 'value': CAST("v_late" AS TEXT) || (
        '/' || CAST("v_orders" AS TEXT)
      ), 'standard': '< 10%'} AS STRUCT(rule TEXT, metric TEXT, value TEXT, standard TEXT))
    END AS "findings_0_0",
    CASE
      WHEN NOT (
        NOT (
          "v_late" IS NULL
        )
      )
      OR NOT (
        NOT (
          "v_orders" IS NULL
        )
      )
      THEN CAST({'rule': 'r', 'metric': 'R', 'cause': 'absent', 'reason': CASE
        WHEN (
          "v_late" IS NULL
        ) AND NOT (
          "v_orders" IS NULL
        )
        THEN 'late is not given'
        WHEN NOT (
          "v_late" IS NULL
        ) AND (
          "v_orders" IS NULL
        )
        THEN 'orders is not given'
        WHEN (
          "v_late" IS NULL
        ) AND (
          "v_orders" IS NULL
        )
        THEN 'late and orders are not given'
      END} AS STRUCT(rule TEXT, metric TEXT, cause TEXT, reason TEXT))
      WHEN NOT (
        NOT (
          "v_orders" IS NULL
        ) AND (
          "v_orders" <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      THEN CAST({'rule': 'r', 'metric': 'R', 'cause': 'zero_denominator', 'reason': 'orders is 0, so R is undefined'} AS STRUCT(rule TEXT, metric TEXT, cause TEXT, reason TEXT))
    END AS "not_applicable_0_0",
    CAST(CASE
      WHEN (
        (
          (
            (
              NOT (
                "v_late" IS NULL
              ) AND NOT (
                "v_orders" IS NULL
              )
            )
            AND (
              "v_orders" <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              "v_late" * CAST(2 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * "v_orders"
            )
          )
        )
        AND (
          "v_late" >= CAST(3 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                "v_late" IS NULL
              ) AND NOT (
                "v_orders" IS NULL
              )
            )
            AND (
              "v_orders" <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              "v_late" * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * "v_orders"
            )
          )
        )
        AND (
          (
            "v_late" * CAST(2 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * "v_orders"
          )
        )
      )
      THEN 2
      ELSE 0
    END AS INT) AS "points_0",
    (
      (
        (
          NOT (
            "v_late" IS NULL
          ) AND NOT (
            "v_orders" IS NULL
          )
        )
        AND (
          "v_orders" <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          "v_late" * CAST(10 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * "v_orders"
        )
      )
    )
    AND (
      (
        "v_late" * CAST(2 AS DECIMAL(38, 0))
      ) < (
        CAST(1 AS DECIMAL(38, 0)) * "v_orders"
      )
    ) AS "warning_0"
  FROM shown
), fired AS (
  SELECT
    *,
    (
      (
        (
          NOT (
            "v_late" IS NULL
          ) AND NOT (
            "v_orders" IS NULL
          )
        )
        AND (
          "v_orders" <> CAST(0 AS DECIMAL(38, 0))
        )
      )
      AND (
        (
          "v_late" * CAST(10 AS DECIMAL(38, 0))
        ) >= (
          CAST(1 AS DECIMAL(38, 0)) * "v_orders"
        )
      )
    )
    AND (
      (
        "v_late" * CAST(2 AS DECIMAL(38, 0))
      ) < (
        CAST(1 AS DECIMAL(38, 0)) * "v_orders"
      )
    ) AS "fired_0_0",
    (
      (
        (
          (
            NOT (
              "v_late" IS NULL
            ) AND NOT (
              "v_orders" IS NULL
            )
          )
          AND (
            "v_orders" <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            "v_late" * CAST(2 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * "v_orders"
          )
        )
      )
      AND (
        "v_late" >= CAST(3 AS DECIMAL(38, 0))
      )
    )
    AND NOT (
      (
        (
          (
            NOT (
              "v_late" IS NULL
            ) AND NOT (
              "v_orders" IS NULL
            )
          )
          AND (
            "v_orders" <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            "v_late" * CAST(10 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * "v_orders"
          )
        )
      )
      AND (
        (
          "v_late" * CAST(2 AS DECIMAL(38, 0))
        ) < (
          CAST(1 AS DECIMAL(38, 0)) * "v_orders"
        )
      )
    ) AS "fired_0_1"
  FROM ruled
), roots AS (
  SELECT
    *,
    CASE
      WHEN (
        -"v_orders" >= CAST(0 AS DECIMAL(38, 0))
      )
      AND (
        -"v_orders" < CAST(2000000000000000000 AS DECIMAL(38, 0))
      )
      THEN -"v_orders"
    END AS "root_0",
    CASE
      WHEN (
        (
          "v_orders" - (
            CAST(10 AS DECIMAL(38, 0)) * "v_late"
          )
        ) >= CAST(0 AS DECIMAL(38, 0))
      )
      AND (
        (
          "v_orders" - (
            CAST(10 AS DECIMAL(38, 0)) * "v_late"
          )
        ) < CAST(18000000000000000000 AS DECIMAL(38, 0))
      )
      THEN CAST(CAST("v_orders" - (
        CAST(10 AS DECIMAL(38, 0)) * "v_late"
      ) AS INT128) // CAST(CAST(9 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0))
    END AS "root_1",
    CASE
      WHEN (
        (
          "v_orders" - (
            CAST(2 AS DECIMAL(38, 0)) * "v_late"
          )
        ) >= CAST(0 AS DECIMAL(38, 0))
      )
      AND (
        (
          "v_orders" - (
            CAST(2 AS DECIMAL(38, 0)) * "v_late"
          )
        ) < CAST(2000000000000000000 AS DECIMAL(38, 0))
      )
      THEN "v_orders" - (
        CAST(2 AS DECIMAL(38, 0)) * "v_late"
      )
    END AS "root_2",
    CASE
      WHEN (
        (
          CAST(3 AS DECIMAL(38, 0)) - "v_late"
        ) >= CAST(0 AS DECIMAL(38, 0))
      )
      AND (
        (
          CAST(3 AS DECIMAL(38, 0)) - "v_late"
        ) < CAST(2000000000000000000 AS DECIMAL(38, 0))
      )
      THEN CAST(3 AS DECIMAL(38, 0)) - "v_late"
    END AS "root_3",
    CASE
      WHEN (
        (
          -"v_orders" + (
            CAST(10 AS DECIMAL(38, 0)) * "v_late"
          )
        ) >= CAST(0 AS DECIMAL(38, 0))
      )
      AND (
        (
          -"v_orders" + (
            CAST(10 AS DECIMAL(38, 0)) * "v_late"
          )
        ) < CAST(2000000000000000000 AS DECIMAL(38, 0))
      )
      THEN -"v_orders" + (
        CAST(10 AS DECIMAL(38, 0)) * "v_late"
      )
    END AS "root_4",
    CASE
      WHEN (
        (
          -"v_orders" + (
            CAST(2 AS DECIMAL(38, 0)) * "v_late"
          )
        ) >= CAST(0 AS DECIMAL(38, 0))
      )
      AND (
        (
          -"v_orders" + (
            CAST(2 AS DECIMAL(38, 0)) * "v_late"
          )
        ) < CAST(2000000000000000000 AS DECIMAL(38, 0))
      )
      THEN -"v_orders" + (
        CAST(2 AS DECIMAL(38, 0)) * "v_late"
      )
    END AS "root_5",
    LEAST(
      CAST(999999999999999999 AS DECIMAL(38, 0)) - "v_late",
      CAST(999999999999999999 AS DECIMAL(38, 0)) - "v_orders"
    ) AS "most_0",
    CAST(999999999999999999 AS DECIMAL(38, 0)) - "v_orders" AS "most_1"
  FROM fired
), reached AS (
  SELECT
    *,
    CASE
      WHEN (
        "error" IS NULL
      ) AND NOT (
        "v_late" IS NULL
      )
      THEN LIST_MIN(
        LIST_FILTER(
          [
            CAST(1 AS DECIMAL(38, 0)),
            "root_0",
            "root_0" + CAST(1 AS DECIMAL(38, 0)),
            "root_1",
            "root_1" + CAST(1 AS DECIMAL(38, 0)),
            "root_2",
            "root_2" + CAST(1 AS DECIMAL(38, 0)),
            "root_3",
            "root_3" + CAST(1 AS DECIMAL(38, 0))
          ],
          LAMBDA k : (
            (
              NOT (
                k IS NULL
              ) AND (
                k >= CAST(1 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                "most_0" IS NULL
              ) OR (
                k <= "most_0"
              )
            )
          )
          AND (
            (
              (
                (
                  CAST(CASE
                    WHEN (
                      (
                        (
                          (
                            NOT (
                              (
                                "v_late" + k
                              ) IS NULL
                            )
                            AND NOT (
                              (
                                "v_orders" + k
                              ) IS NULL
                            )
                          )
                          AND (
                            (
                              "v_orders" + k
                            ) <> CAST(0 AS DECIMAL(38, 0))
                          )
                        )
                        AND (
                          (
                            (
                              "v_late" + k
                            ) * CAST(2 AS DECIMAL(38, 0))
                          ) >= (
                            CAST(1 AS DECIMAL(38, 0)) * (
                              "v_orders" + k
                            )
                          )
                        )
                      )
                      AND (
                        (
                          "v_late" + k
                        ) >= CAST(3 AS DECIMAL(38, 0))
                      )
                    )
                    AND NOT (
                      (
                        (
                          (
                            NOT (
                              (
                                "v_late" + k
                              ) IS NULL
                            )
                            AND NOT (
                              (
                                "v_orders" + k
                              ) IS NULL
                            )
                          )
                          AND (
                            (
                              "v_orders" + k
                            ) <> CAST(0 AS DECIMAL(38, 0))
                          )
                        )
                        AND (
                          (
                            (
                              "v_late" + k
                            ) * CAST(10 AS DECIMAL(38, 0))
                          ) >= (
                            CAST(1 AS DECIMAL(38, 0)) * (
                              "v_orders" + k
                            )
                          )
                        )
                      )
                      AND (
                        (
                          (
                            "v_late" + k
                          ) * CAST(2 AS DECIMAL(38, 0))
                        ) < (
                          CAST(1 AS DECIMAL(38, 0)) * (
                            "v_orders" + k
                          )
                        )
                      )
                    )
                    THEN 2
                    ELSE 0
                  END AS INT) > "points_0"
                )
                OR (
                  (
                    (
                      (
                        (
                          NOT (
                            (
                              "v_late" + k
                            ) IS NULL
                          )
                          AND NOT (
                            (
                              "v_orders" + k
                            ) IS NULL
                          )
                        )
                        AND (
                          (
                            "v_orders" + k
                          ) <> CAST(0 AS DECIMAL(38, 0))
                        )
                      )
                      AND (
                        (
                          (
                            "v_late" + k
                          ) * CAST(10 AS DECIMAL(38, 0))
                        ) >= (
                          CAST(1 AS DECIMAL(38, 0)) * (
                            "v_orders" + k
                          )
                        )
                      )
                    )
                    AND (
                      (
                        (
                          "v_late" + k
                        ) * CAST(2 AS DECIMAL(38, 0))
                      ) < (
                        CAST(1 AS DECIMAL(38, 0)) * (
                          "v_orders" + k
                        )
                      )
                    )
                  )
                  AND NOT "warning_0"
                )
              )
              OR (
                (
                  (
                    (
                      (
                        (
                          NOT (
                            (
                              "v_late" + k
                            ) IS NULL
                          )
                          AND NOT (
                            (
                              "v_orders" + k
                            ) IS NULL
                          )
                        )
                        AND (
                          (
                            "v_orders" + k
                          ) <> CAST(0 AS DECIMAL(38, 0))
                        )
                      )
                      AND (
                        (
                          (
                            "v_late" + k
                          ) * CAST(10 AS DECIMAL(38, 0))
                        ) >= (
                          CAST(1 AS DECIMAL(38, 0)) * (
                            "v_orders" + k
                          )
                        )
                      )
                    )
                    AND (
                      (
                        (
                          "v_late" + k
                        ) * CAST(2 AS DECIMAL(38, 0))
                      ) < (
                        CAST(1 AS DECIMAL(38, 0)) * (
                          "v_orders" + k
                        )
                      )
                    )
                  )
                  AND NOT "fired_0_0"
                )
                AND NOT "fired_0_1"
              )
            )
            OR (
              (
                (
                  (
                    (
                      (
                        NOT (
                          (
                            "v_late" + k
                          ) IS NULL
                        )
                        AND NOT (
                          (
                            "v_orders" + k
                          ) IS NULL
                        )
                      )
                      AND (
                        (
                          "v_orders" + k
                        ) <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        (
                          "v_late" + k
                        ) * CAST(2 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * (
                          "v_orders" + k
                        )
                      )
                    )
                  )
                  AND (
                    (
                      "v_late" + k
                    ) >= CAST(3 AS DECIMAL(38, 0))
                  )
                )
                AND NOT (
                  (
                    (
                      (
                        NOT (
                          (
                            "v_late" + k
                          ) IS NULL
                        )
                        AND NOT (
                          (
                            "v_orders" + k
                          ) IS NULL
                        )
                      )
                      AND (
                        (
                          "v_orders" + k
                        ) <> CAST(0 AS DECIMAL(38, 0))
                      )
                    )
                    AND (
                      (
                        (
                          "v_late" + k
                        ) * CAST(10 AS DECIMAL(38, 0))
                      ) >= (
                        CAST(1 AS DECIMAL(38, 0)) * (
                          "v_orders" + k
                        )
                      )
                    )
                  )
                  AND (
                    (
                      (
                        "v_late" + k
                      ) * CAST(2 AS DECIMAL(38, 0))
                    ) < (
                      CAST(1 AS DECIMAL(38, 0)) * (
                        "v_orders" + k
                      )
                    )
                  )
                )
              )
              AND NOT "fired_0_1"
            )
          )
        )
      )
    END AS "more_0_0",
    CASE
      WHEN (
        "error" IS NULL
      )
      AND (
        (
          "fired_0_0" OR "fired_0_1"
        )
        OR (
          (
            (
              NOT (
                "v_late" IS NULL
              ) AND NOT (
                "v_orders" IS NULL
              )
            )
            AND (
              "v_orders" <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND NOT (
            (
              NOT (
                "v_late" IS NULL
              ) AND NOT (
                "v_orders" IS NULL
              )
            )
            AND (
              (
                "v_late" * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * "v_orders"
              )
            )
          )
        )
      )
      THEN LIST_MIN(
        LIST_FILTER(
          [
            CAST(1 AS DECIMAL(38, 0)),
            "root_0",
            "root_0" + CAST(1 AS DECIMAL(38, 0)),
            "root_4",
            "root_4" + CAST(1 AS DECIMAL(38, 0))
          ],
          LAMBDA k : (
            (
              NOT (
                k IS NULL
              ) AND (
                k >= CAST(1 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                "most_1" IS NULL
              ) OR (
                k <= "most_1"
              )
            )
          )
          AND (
            (
              (
                NOT (
                  "v_late" IS NULL
                ) AND NOT (
                  (
                    "v_orders" + k
                  ) IS NULL
                )
              )
              AND (
                (
                  "v_orders" + k
                ) <> CAST(0 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                "v_late" * CAST(10 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * (
                  "v_orders" + k
                )
              )
            )
          )
        )
      )
    END AS "back_0",
    CASE
      WHEN (
        "error" IS NULL
      ) AND "fired_0_0"
      THEN LIST_MIN(
        LIST_FILTER(
          [
            CAST(1 AS DECIMAL(38, 0)),
            "root_0",
            "root_0" + CAST(1 AS DECIMAL(38, 0)),
            "root_4",
            "root_4" + CAST(1 AS DECIMAL(38, 0)),
            "root_5",
            "root_5" + CAST(1 AS DECIMAL(38, 0))
          ],
          LAMBDA k : (
            (
              NOT (
                k IS NULL
              ) AND (
                k >= CAST(1 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                "most_1" IS NULL
              ) OR (
                k <= "most_1"
              )
            )
          )
          AND NOT (
            (
              (
                (
                  NOT (
                    "v_late" IS NULL
                  ) AND NOT (
                    (
                      "v_orders" + k
                    ) IS NULL
                  )
                )
                AND (
                  (
                    "v_orders" + k
                  ) <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  "v_late" * CAST(10 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * (
                    "v_orders" + k
                  )
                )
              )
            )
            AND (
              (
                "v_late" * CAST(2 AS DECIMAL(38, 0))
              ) < (
                CAST(1 AS DECIMAL(38, 0)) * (
                  "v_orders" + k
                )
              )
            )
          )
        )
      )
    END AS "below_0_0",
    CASE
      WHEN (
        "error" IS NULL
      ) AND "fired_0_1"
      THEN LIST_MIN(
        LIST_FILTER(
          [
            CAST(1 AS DECIMAL(38, 0)),
            "root_0",
            "root_0" + CAST(1 AS DECIMAL(38, 0)),
            "root_5",
            "root_5" + CAST(1 AS DECIMAL(38, 0))
          ],
          LAMBDA k : (
            (
              NOT (
                k IS NULL
              ) AND (
                k >= CAST(1 AS DECIMAL(38, 0))
              )
            )
            AND (
              (
                "most_1" IS NULL
              ) OR (
                k <= "most_1"
              )
            )
          )
          AND NOT (
            (
              (
                (
                  NOT (
                    "v_late" IS NULL
                  ) AND NOT (
                    (
                      "v_orders" + k
                    ) IS NULL
                  )
                )
                AND (
                  (
                    "v_orders" + k
                  ) <> CAST(0 AS DECIMAL(38, 0))
                )
              )
              AND (
                (
                  "v_late" * CAST(2 AS DECIMAL(38, 0))
                ) >= (
                  CAST(1 AS DECIMAL(38, 0)) * (
                    "v_orders" + k
                  )
                )
              )
            )
            AND (
              "v_late" >= CAST(3 AS DECIMAL(38, 0))
            )
          )
        )
      )
    END AS "below_0_1"
  FROM roots
), grown AS (
  SELECT
    *,
    CASE
      WHEN NOT (
        "more_0_0" IS NULL
      )
      THEN (
        (
          (
            NOT (
              (
                "v_late" + "more_0_0"
              ) IS NULL
            )
            AND NOT (
              (
                "v_orders" + "more_0_0"
              ) IS NULL
            )
          )
          AND (
            (
              "v_orders" + "more_0_0"
            ) <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND (
          (
            (
              "v_late" + "more_0_0"
            ) * CAST(10 AS DECIMAL(38, 0))
          ) >= (
            CAST(1 AS DECIMAL(38, 0)) * (
              "v_orders" + "more_0_0"
            )
          )
        )
      )
      AND (
        (
          (
            "v_late" + "more_0_0"
          ) * CAST(2 AS DECIMAL(38, 0))
        ) < (
          CAST(1 AS DECIMAL(38, 0)) * (
            "v_orders" + "more_0_0"
          )
        )
      )
    END AS "then_0_0_0",
    CASE
      WHEN NOT (
        "more_0_0" IS NULL
      )
      THEN (
        (
          (
            (
              NOT (
                (
                  "v_late" + "more_0_0"
                ) IS NULL
              )
              AND NOT (
                (
                  "v_orders" + "more_0_0"
                ) IS NULL
              )
            )
            AND (
              (
                "v_orders" + "more_0_0"
              ) <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              (
                "v_late" + "more_0_0"
              ) * CAST(2 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * (
                "v_orders" + "more_0_0"
              )
            )
          )
        )
        AND (
          (
            "v_late" + "more_0_0"
          ) >= CAST(3 AS DECIMAL(38, 0))
        )
      )
      AND NOT (
        (
          (
            (
              NOT (
                (
                  "v_late" + "more_0_0"
                ) IS NULL
              )
              AND NOT (
                (
                  "v_orders" + "more_0_0"
                ) IS NULL
              )
            )
            AND (
              (
                "v_orders" + "more_0_0"
              ) <> CAST(0 AS DECIMAL(38, 0))
            )
          )
          AND (
            (
              (
                "v_late" + "more_0_0"
              ) * CAST(10 AS DECIMAL(38, 0))
            ) >= (
              CAST(1 AS DECIMAL(38, 0)) * (
                "v_orders" + "more_0_0"
              )
            )
          )
        )
        AND (
          (
            (
              "v_late" + "more_0_0"
            ) * CAST(2 AS DECIMAL(38, 0))
          ) < (
            CAST(1 AS DECIMAL(38, 0)) * (
              "v_orders" + "more_0_0"
            )
          )
        )
      )
    END AS "then_0_0_1"
  FROM reached
), distances AS (
  SELECT
    *,
    CASE
      WHEN NOT (
        "v_late" IS NULL
      )
      THEN CAST({'rule': 'r', 'input': 'late', 'with': CAST(['orders'] AS TEXT[]), 'more': CAST("more_0_0" AS BIGINT), 'then': CASE
        WHEN NOT (
          "more_0_0" IS NULL
        )
        THEN CAST({'points': CAST(CASE WHEN "then_0_0_1" THEN 2 ELSE 0 END AS INT), 'warning': "then_0_0_0", 'rows': LIST_FILTER(
          [
            CASE
              WHEN "then_0_0_0"
              THEN CAST({'table': CAST(NULL AS TEXT), 'row': 1, 'points': 0, 'warning': TRUE, 'limit': CAST({'days': 7, 'percent': '33.3', 'basis': 'avg', 'daily_cap': CAST(CAST(CAST(CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(1000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) + CAST(CAST((
                (
                  (
                    (
                      (
                        CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0))
                      ) % CAST(1000 AS DECIMAL(38, 0))
                    ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                  ) + (
                    CAST(CAST(CAST("v_base" AS DECIMAL(36, 18)) - FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(333 AS DECIMAL(38, 0))
                  )
                ) + CAST(1000000000000000000000 AS DECIMAL(38, 0))
              ) - CAST(1 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(1000000000000000000000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS DECIMAL(38, 0))} AS STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0)))} AS STRUCT(
                "table" TEXT,
                row INT,
                points INT,
                warning BOOLEAN,
                "limit" STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0))
              ))
            END,
            CASE
              WHEN "then_0_0_1"
              THEN CAST({'table': CAST(NULL AS TEXT), 'row': 2, 'points': 2, 'warning': FALSE, 'limit': CAST({'days': 7, 'percent': '1.01', 'basis': 'avg', 'daily_cap': CAST(CAST(CAST(CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(10000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) + CAST(CAST((
                (
                  (
                    (
                      (
                        CAST(FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0))
                      ) % CAST(10000 AS DECIMAL(38, 0))
                    ) * CAST(1000000000000000000 AS DECIMAL(38, 0))
                  ) + (
                    CAST(CAST(CAST("v_base" AS DECIMAL(36, 18)) - FLOOR(CAST("v_base" AS DECIMAL(36, 18))) AS DECIMAL(18, 18)) * CAST(1000000000000000000 AS DECIMAL(19, 0)) AS DECIMAL(38, 0)) * CAST(101 AS DECIMAL(38, 0))
                  )
                ) + CAST(10000000000000000000000 AS DECIMAL(38, 0))
              ) - CAST(1 AS DECIMAL(38, 0)) AS INT128) // CAST(CAST(10000000000000000000000 AS DECIMAL(38, 0)) AS INT128) AS DECIMAL(38, 0)) AS DECIMAL(38, 0))} AS STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0)))} AS STRUCT(
                "table" TEXT,
                row INT,
                points INT,
                warning BOOLEAN,
                "limit" STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0))
              ))
            END
          ],
          LAMBDA x : NOT (
            x IS NULL
          )
        ), 'metric': 'R', 'value': CASE
          WHEN NOT (
            (
              "v_late" + "more_0_0"
            ) IS NULL
          )
          AND NOT (
            (
              "v_orders" + "more_0_0"
            ) IS NULL
          )
          THEN CAST("v_late" + "more_0_0" AS TEXT) || (
            '/' || CAST("v_orders" + "more_0_0" AS TEXT)
          )
        END} AS STRUCT(
          points INT,
          warning BOOLEAN,
          rows STRUCT(
            "table" TEXT,
            row INT,
            points INT,
            warning BOOLEAN,
            "limit" STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0))
          )[],
          metric TEXT,
          value TEXT
        ))
      END} AS STRUCT(
        rule TEXT,
        input TEXT,
        "with" TEXT[],
        more BIGINT,
        "then" STRUCT(
          points INT,
          warning BOOLEAN,
          rows STRUCT(
            "table" TEXT,
            row INT,
            points INT,
            warning BOOLEAN,
            "limit" STRUCT(days INT, percent TEXT, basis TEXT, daily_cap DECIMAL(38, 0))
          )[],
          metric TEXT,
          value TEXT
        )
      ))
    END AS "headroom_0_0",
    CASE
      WHEN (
        "fired_0_0" OR "fired_0_1"
      )
      OR (
        (
          (
            NOT (
              "v_late" IS NULL
            ) AND NOT (
              "v_orders" IS NULL
            )
          )
          AND (
            "v_orders" <> CAST(0 AS DECIMAL(38, 0))
          )
        )
        AND NOT (
          (
            NOT (
              "v_late" IS NULL
            ) AND NOT (
              "v_orders" IS NULL
            )
          )
          AND (
            (
              "v_late" * CAST(10 AS DECIMAL(38, 0))
            ) < (
              CAST(1 AS DECIMAL(38, 0)) * "v_orders"
            )
          )
        )
      )
      THEN CAST({'rule': 'r', 'metric': 'R', 'input': 'orders', 'more': CAST("back_0" AS BIGINT), 'below': LIST_FILTER(
        [
          CASE
            WHEN "fired_0_0"
            THEN CAST({'table': CAST(NULL AS TEXT), 'row': 1, 'more': CAST("below_0_0" AS BIGINT)} AS STRUCT("table" TEXT, row INT, more BIGINT))
          END,
          CASE
            WHEN "fired_0_1"
            THEN CAST({'table': CAST(NULL AS TEXT), 'row': 2, 'more': CAST("below_0_1" AS BIGINT)} AS STRUCT("table" TEXT, row INT, more BIGINT))
          END
        ],
        LAMBDA x : NOT (
          x IS NULL
        )
      )} AS STRUCT(
        rule TEXT,
        metric TEXT,
        input TEXT,
        more BIGINT,
        below STRUCT("table" TEXT, row INT, more BIGINT)[]
      ))
    END AS "recovery_0_0"
  FROM grown
)
SELECT
  "seller_id",
  CASE WHEN "error" IS NULL THEN "region" END AS "region",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN CAST("points_0" AS INT)
    ELSE CAST(NULL AS INT)
  END AS "points",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN "warning_0"
    ELSE CAST(NULL AS BOOLEAN)
  END AS "warning",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN LIST_FILTER(["violations_0_0"], LAMBDA x : NOT (
      x IS NULL
    ))
    ELSE NULL
  END AS "violations",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN LIST_FILTER(["findings_0_0"], LAMBDA x : NOT (
      x IS NULL
    ))
    ELSE NULL
  END AS "findings",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN LIST_FILTER(["not_applicable_0_0"], LAMBDA x : NOT (
      x IS NULL
    ))
    ELSE NULL
  END AS "not_applicable",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN CAST([] AS STRUCT(rule TEXT, measures TEXT[])[])
    ELSE NULL
  END AS "discretionary",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN LIST_FILTER(["headroom_0_0"], LAMBDA x : NOT (
      x IS NULL
    ))
    ELSE NULL
  END AS "headroom",
  CASE
    WHEN (
      "error" IS NULL
    ) AND (
      "region" = 'US'
    )
    THEN LIST_FILTER(["recovery_0_0"], LAMBDA x : NOT (
      x IS NULL
    ))
    ELSE NULL
  END AS "recovery",
  "error"
FROM distances
